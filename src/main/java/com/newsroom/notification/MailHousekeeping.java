package com.newsroom.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps only what is still needed: sent and given-up mail is deleted after {@link #KEPT}, and so is an address
 * that asked for replies but was never confirmed (its owner never answered, so it must not stay on file).
 */
@Component
public class MailHousekeeping {

    static final Duration KEPT = Duration.ofDays(30);

    private final JdbcClient jdbc;

    private final Clock clock;

    MailHousekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void tick() {
        clearOld();
    }

    /** Returns how many rows went (mail and unconfirmed addresses together). Tests call it directly. */
    @Transactional
    public int clearOld() {
        Timestamp before = Timestamp.from(clock.instant().minus(KEPT));
        int mail = jdbc.sql("delete from mail_outbox where sent_at < :before or failed_at < :before")
                .param("before", before).update();
        int addresses = jdbc.sql("""
                delete from reply_subscribers
                where confirmed_at is null and unsubscribed_at is null and created_at < :before""")
                .param("before", before).update();
        return mail + addresses;
    }
}
