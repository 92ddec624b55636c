package com.newsroom.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.Account;
import com.newsroom.account.AccountService;
import com.newsroom.account.Role;
import com.newsroom.account.StaffFixtures;
import com.newsroom.account.StaffUser;
import com.newsroom.account.StaffUserDetailsService;

/** Real staff accounts, and MockMvc requests made as them (the principal loaded as sign-in would load it). */
@TestComponent
public class StaffLogins {

    private final AccountService accounts;

    private final StaffUserDetailsService users;

    private final TransactionTemplate transaction;

    public StaffLogins(AccountService accounts, StaffUserDetailsService users, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.users = users;
        this.transaction = transaction;
    }

    public Account create(String displayName, Role role) {
        return transaction.execute(status -> StaffFixtures.create(accounts, displayName, role));
    }

    public StaffUser principal(Account account) {
        return users.loadUserByUsername(account.getUsername());
    }

    public RequestPostProcessor as(Account account) {
        return user(principal(account));
    }
}
