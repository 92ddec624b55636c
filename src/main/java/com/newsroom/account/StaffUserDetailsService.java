package com.newsroom.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds staff by username or email, case-insensitively. */
@Service
@Transactional(readOnly = true)
public class StaffUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    private final JdbcClient jdbc;

    StaffUserDetailsService(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public StaffUser loadUserByUsername(String login) {
        Account account = accounts.findByLogin(login == null ? "" : login.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String displayName = jdbc.sql("select display_name from staff where id = :id")
                .param("id", account.getStaffId()).query(String.class).single();
        return new StaffUser(account.getId(), account.getStaffId(), account.getUsername(), displayName,
                account.getPasswordHash(), account.isEnabled(),
                account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
