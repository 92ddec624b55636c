package com.newsroom.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per client address in PostgreSQL, so every app instance sees
 * the same counts; over the limit, the key is locked for a while.
 */
@Component
@Transactional
public class LoginThrottle {

    private final JdbcClient jdbc;

    private final AdminProperties.Login settings;

    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AdminProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.login();
        this.clock = clock;
    }

    static String accountKey(String login) {
        return "account:" + (login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }

    public boolean isLocked(String accountKey, String addressKey) {
        return jdbc.sql("""
                select count(*) from login_attempts
                where attempt_key in (:account, :address) and locked_until > :now""")
                .param("account", accountKey).param("address", addressKey)
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /** Records a failure; returns whether either key is now locked. */
    public boolean recordFailure(String accountKey, String addressKey) {
        boolean accountLocked = fail(accountKey, settings.maxFailuresPerAccount());
        boolean addressLocked = fail(addressKey, settings.maxFailuresPerAddress());
        return accountLocked || addressLocked;
    }

    public void recordSuccess(String accountKey) {
        jdbc.sql("delete from login_attempts where attempt_key = :key").param("key", accountKey).update();
    }

    private boolean fail(String key, int limit) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                insert into login_attempts (attempt_key, failures, window_start) values (:key, 1, :now)
                on conflict (attempt_key) do update set
                    failures = case when login_attempts.window_start < :windowStart then 1
                                    else login_attempts.failures + 1 end,
                    window_start = case when login_attempts.window_start < :windowStart then :now
                                        else login_attempts.window_start end
                returning failures""")
                .param("key", key).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(settings.window())))
                .query(Integer.class).single();
        if (failures >= limit) {
            jdbc.sql("update login_attempts set locked_until = :until, failures = 0, window_start = :now where attempt_key = :key")
                    .param("until", Timestamp.from(now.plus(settings.lockout()))).param("now", Timestamp.from(now))
                    .param("key", key).update();
            return true;
        }
        return false;
    }
}
