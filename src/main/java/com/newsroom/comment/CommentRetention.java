package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.config.NewsroomProperties;

/**
 * Removes what is no longer needed: the personal data of spam and rejected comments once the retention
 * period ends (the text stays for the moderators' record), and expired rate-limit windows. Runs on every
 * instance: comments are claimed in batches with {@code for update skip locked}, so instances running at
 * once share a backlog instead of queueing behind one long transaction, and each comment is purged once.
 */
@Component
public class CommentRetention {

    private static final Logger log = LoggerFactory.getLogger(CommentRetention.class);

    private final JdbcClient jdbc;

    private final NewsroomProperties.Comments settings;

    private static final int BATCH = 500;

    private final Clock clock;

    private final TransactionTemplate transaction;

    CommentRetention(JdbcClient jdbc, NewsroomProperties properties, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.settings = properties.comments();
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Returns how many comments this instance purged. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = 0;
        int batch;
        do {
            batch = transaction.execute(status -> purgeBatch(now));
            purged += batch;
        }
        while (batch == BATCH);
        jdbc.sql("delete from rate_limit_counters where window_start < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(settings.rateWindow().multipliedBy(2))))
                .update();
        if (purged > 0) {
            log.info("Removed personal data from {} spam or rejected comments past retention", purged);
        }
        return purged;
    }

    private int purgeBatch(Instant now) {
        return jdbc.sql("""
                with due as (
                    select id from comments
                    where status in ('SPAM', 'REJECTED') and purged_at is null and created_at < :cutoff
                    order by created_at, id
                    limit :batch
                    for update skip locked)
                update comments c
                set author_name = :name, author_email = :email, author_website = null, ip_hash = null,
                    purged_at = :now
                from due where c.id = due.id""")
                .param("name", Comment.PURGED_NAME)
                .param("email", Comment.PURGED_EMAIL)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(settings.retention())))
                .param("batch", BATCH)
                .update();
    }
}
