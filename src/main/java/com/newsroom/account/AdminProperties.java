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
 *
 * @param bootstrap the first administrator, created on start-up while no administrator exists
 * @param login how many failed sign-ins are allowed before further attempts wait
 * @param sessionLifetime how long a session lasts at most, however busy (idle sessions end sooner:
 *        spring.session.timeout)
 */
@Validated
@ConfigurationProperties("newsroom.admin")
public record AdminProperties(@Valid @DefaultValue Bootstrap bootstrap, @Valid @DefaultValue Login login,
        @DefaultValue("12h") Duration sessionLifetime) {

    /**
     * Set NEWSROOM_ADMIN_BOOTSTRAP_USERNAME, _EMAIL and _PASSWORD (at least 12 characters) on first run.
     *
     * @param username the first administrator's sign-in name
     * @param email the first administrator's e-mail address
     * @param displayName the first administrator's byline name
     * @param password the first administrator's password, at least 12 characters; there is no default
     */
    public record Bootstrap(String username, String email, @DefaultValue("Administrator") String displayName,
            String password) {

        boolean isConfigured() {
            return username != null && !username.isBlank() && email != null && !email.isBlank() && password != null
                    && !password.isBlank();
        }
    }

    /**
     * Sign-in attempts allowed within {@code window}, counted before the password is checked: per account from
     * one address, per address over all accounts, and per account from addresses that have never signed in to
     * it (so an outsider can slow an account down for strangers, never lock its owner out of their usual place).
     *
     * @param maxFailuresPerAccount failed sign-ins per account from one address within the window
     * @param maxFailuresPerAddress failed sign-ins from one address over all accounts within the window
     * @param maxFailuresPerAccountFromNewAddresses failed sign-ins per account, within the window, from addresses
     *        that have never signed in to it
     * @param window how far back failed sign-ins count
     */
    public record Login(@Min(1) @DefaultValue("5") int maxFailuresPerAccount,
            @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
            @Min(1) @DefaultValue("50") int maxFailuresPerAccountFromNewAddresses,
            @DefaultValue("15m") Duration window) {
    }
}
