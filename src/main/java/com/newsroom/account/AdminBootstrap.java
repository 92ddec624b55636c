package com.newsroom.account;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.audit.AuditLog;
import com.newsroom.web.RuleViolation;

/**
 * First run: creates the administrator described by {@code newsroom.admin.bootstrap.*} while no enabled
 * administrator exists. Nothing is created (and nothing is defaulted) when it is not configured.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;

    private final AdminProperties properties;

    private final TransactionTemplate transaction;

    AdminBootstrap(AccountService accounts, AdminProperties properties, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> bootstrap());
    }

    void bootstrap() {
        if (accounts.anyAdmin()) {
            return;
        }
        var admin = properties.bootstrap();
        if (!admin.isConfigured()) {
            log.warn("No administrator account exists. Set NEWSROOM_ADMIN_BOOTSTRAP_USERNAME, "
                    + "NEWSROOM_ADMIN_BOOTSTRAP_EMAIL and NEWSROOM_ADMIN_BOOTSTRAP_PASSWORD and restart to create one.");
            return;
        }
        try {
            accounts.create(admin.displayName(), admin.username(), admin.email(), admin.password(),
                    EnumSet.of(Role.ADMIN), AuditLog.Actor.SYSTEM);
        }
        catch (RuleViolation problem) {
            // Start-up stops with a sentence an operator can act on, not a stack trace from the hashing library.
            throw new IllegalStateException("The first administrator was not created: "
                    + switch (problem.messageKey()) {
                        case "admin.password.tooShort" -> "NEWSROOM_ADMIN_BOOTSTRAP_PASSWORD needs at least "
                                + AccountService.MIN_PASSWORD_LENGTH + " characters";
                        case "admin.password.tooLong" -> "NEWSROOM_ADMIN_BOOTSTRAP_PASSWORD may be at most "
                                + AccountService.MAX_PASSWORD_BYTES + " bytes in UTF-8";
                        default -> "the configured " + problem.field() + " is not usable (" + problem.messageKey() + ")";
                    }, problem);
        }
        log.info("Created the first administrator account '{}' from configuration", admin.username());
    }
}
