package com.newsroom.demo;

import java.util.EnumSet;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.AccountService;
import com.newsroom.account.Role;

/**
 * Development only: gives the demo staff sign-ins once the demo content exists, all with the password in
 * {@code newsroom.dev.staff-password} (application-dev.properties). Usernames are first names.
 */
public class DemoLogins {

    private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);

    private static final Map<String, Role> ROLES = Map.of("mei-lin-zhang", Role.EDITOR, "lukas-brenner", Role.EDITOR,
            "daniel-reyes", Role.AUTHOR, "amara-okonkwo", Role.AUTHOR, "sofia-lindqvist", Role.AUTHOR,
            "priya-raman", Role.MODERATOR);

    private final AccountService accounts;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Environment environment;

    public DemoLogins(AccountService accounts, JdbcClient jdbc, TransactionTemplate transaction,
            Environment environment) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createLogins() {
        String password = environment.getProperty("newsroom.dev.staff-password");
        if (password == null || password.isBlank()) {
            return;
        }
        transaction.executeWithoutResult(status -> ROLES.forEach((slug, role) -> {
            Long staffId = jdbc.sql("""
                    select s.id from staff s where s.slug = :slug
                    and not exists (select 1 from accounts a where a.staff_id = s.id)""")
                    .param("slug", slug).query(Long.class).optional().orElse(null);
            if (staffId != null) {
                String username = slug.substring(0, slug.indexOf('-'));
                accounts.createForExistingStaff(staffId, username, slug + "@newsroom.example", password,
                        EnumSet.of(role));
                log.info("Demo login: {} ({})", username, role);
            }
        }));
    }
}
