package com.newsroom.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.username) = lower(:login) or lower(a.email) = lower(:login)")
    Optional<Account> findByLogin(String login);

    Optional<Account> findByStaffId(long staffId);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByEmailIgnoreCase(String email);

    @Query("select count(a) > 0 from Account a join a.roles r where r = com.newsroom.account.Role.ADMIN and a.enabled")
    boolean anyEnabledAdmin();

    List<Account> findAllByOrderByUsernameAsc();
}
