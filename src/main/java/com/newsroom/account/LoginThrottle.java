package com.newsroom.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.secrets.SiteSecrets;

/**
 * Counts sign-in attempts in PostgreSQL, so every app instance sees the same counts. Each attempt is counted
 * (one atomic upsert per key) before its password is checked, so a burst of concurrent guesses gets no more
 * checks than the limit. Keys are the account (username and email count as one), the address, and the pair;
 * an unknown login is counted under its name, so throttling says nothing about which accounts exist.
 */
@Component
@Transactional
public class LoginThrottle {

    /** One sign-in attempt: who it names, from where, and whether it may be checked at all. */
    public record Attempt(Long accountId, String login, String addressHash, List<String> countedKeys,
            boolean allowed) {
    }

    private final JdbcClient jdbc;

    private final Accounts accounts;

    private final AdminProperties.Login settings;

    private final SiteSecrets secrets;

    private final AuditLog audit;

    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Accounts accounts, AdminProperties properties, SiteSecrets secrets,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = properties.login();
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts the attempt against every key that applies; it is allowed only while all are within their limits. */
    public Attempt begin(String login, String address) {
        String normalized = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Long accountId = accounts.findByLogin(normalized).map(Account::getId).orElse(null);
        String account = accountId != null ? "account:" + accountId : "login:" + normalized;
        String addressHash = secrets.keyedHash("ip-hash", address == null ? "" : address);
        List<String> counted = new ArrayList<>();
        boolean allowed = count(account + "|ip:" + addressHash, settings.maxFailuresPerAccount(), counted);
        allowed &= count("ip:" + addressHash, settings.maxFailuresPerAddress(), counted);
        if (accountId == null || !isKnownAddress(accountId, addressHash)) {
            allowed &= count(account, settings.maxFailuresPerAccountFromNewAddresses(), counted);
        }
        if (!allowed) {
            audit.record(AuditLog.Actor.SYSTEM, "signin.throttled", subject(accountId, normalized),
                    "address " + shortHash(addressHash));
        }
        return new Attempt(accountId, normalized, addressHash, List.copyOf(counted), allowed);
    }

    /**
     * The password was right: the account's counters start again, this address's count gives the attempt back,
     * and the address becomes one its owner signs in from.
     */
    public void succeeded(Attempt attempt, StaffUser user) {
        for (String key : attempt.countedKeys()) {
            if (key.startsWith("ip:")) {
                jdbc.sql("update login_attempts set failures = greatest(failures - 1, 0) where attempt_key = :key")
                        .param("key", key).update();
            }
            else {
                jdbc.sql("delete from login_attempts where attempt_key = :key").param("key", key).update();
            }
        }
        jdbc.sql("""
                insert into login_known_addresses (account_id, address_hash, last_signed_in_at)
                values (:account, :address, :now)
                on conflict (account_id, address_hash) do update set last_signed_in_at = excluded.last_signed_in_at""")
                .param("account", user.getAccountId()).param("address", attempt.addressHash())
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(new AuditLog.Actor(user.getStaffId(), user.getDisplayName()), "signin.succeeded",
                user.getUsername(), "address " + shortHash(attempt.addressHash()));
    }

    public void failed(Attempt attempt) {
        audit.record(AuditLog.Actor.SYSTEM, "signin.failed", subject(attempt.accountId(), attempt.login()),
                "address " + shortHash(attempt.addressHash()));
    }

    private boolean count(String key, int limit, List<String> counted) {
        Instant now = clock.instant();
        int attempts = jdbc.sql("""
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
        counted.add(key);
        return attempts <= limit;
    }

    private boolean isKnownAddress(long accountId, String addressHash) {
        return jdbc.sql("select count(*) from login_known_addresses where account_id = :account and address_hash = :address")
                .param("account", accountId).param("address", addressHash).query(Integer.class).single() > 0;
    }

    private String subject(Long accountId, String login) {
        // A name that matches no account is not written down: people type their password there by mistake.
        return accountId == null ? "(unknown login)"
                : accounts.findById(accountId).map(Account::getUsername).orElse("(unknown login)");
    }

    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(16, hash.length()));
    }
}
