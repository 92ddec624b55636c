package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.config.NewsroomProperties;

/**
 * Removes what is no longer needed: the personal data of spam and rejected comments once the retention
 * period ends (the text stays for the moderators' record), expired rate-limit windows and used form nonces. Safe to run on
 * every instance at once: each statement is idempotent.
 */
@Component
public class CommentRetention {

    private static final Logger log = LoggerFactory.getLogger(CommentRetention.class);

    private final JdbcClient jdbc;

    private final NewsroomProperties.Comments settings;

    private final Clock clock;

    private final FormTokens formTokens;

    CommentRetention(JdbcClient jdbc, NewsroomProperties properties, Clock clock, FormTokens formTokens) {
        this.formTokens = formTokens;
        this.jdbc = jdbc;
        this.settings = properties.comments();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = jdbc.sql("""
                update comments
                set author_name = :name, author_email = :email, author_website = null, ip_hash = null,
                    purged_at = :now
                where status in ('SPAM', 'REJECTED') and purged_at is null and created_at < :cutoff""")
                .param("name", Comment.PURGED_NAME)
                .param("email", Comment.PURGED_EMAIL)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(settings.retention())))
                .update();
        jdbc.sql("delete from rate_limit_counters where window_start < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(settings.rateWindow().multipliedBy(2))))
                .update();
        formTokens.sweep();
        if (purged > 0) {
            log.info("Removed personal data from {} spam or rejected comments past retention", purged);
        }
        return purged;
    }
}
