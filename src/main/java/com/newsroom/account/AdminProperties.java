package com.newsroom.account;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newsroom.admin.*}: the first administrator (created on start-up only while no administrator
 * exists; there is no default password) and how failed sign-ins are throttled.
 */
@Validated
@ConfigurationProperties("newsroom.admin")
public record AdminProperties(@Valid @DefaultValue Bootstrap bootstrap, @Valid @DefaultValue Login login) {

    /** Set NEWSROOM_ADMIN_BOOTSTRAP_USERNAME, _EMAIL and _PASSWORD (at least 12 characters) on first run. */
    public record Bootstrap(String username, String email, @DefaultValue("Administrator") String displayName,
            String password) {

        boolean isConfigured() {
            return username != null && !username.isBlank() && email != null && !email.isBlank() && password != null
                    && !password.isBlank();
        }
    }

    /** Failures allowed per account and per address within {@code window} before a {@code lockout}. */
    public record Login(@Min(1) @DefaultValue("5") int maxFailuresPerAccount,
            @Min(1) @DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockout) {
    }
}
