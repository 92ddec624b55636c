package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.audit.AuditLog;

/**
 * Publishes scheduled articles whose time has come. Runs on a timer, so it needs no traffic; takes every
 * overdue article (so it catches up after downtime); and claims rows with {@code for update skip locked}
 * inside a single update, so with several instances each article is published exactly once.
 */
@Component
public class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private static final int BATCH = 100;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final TransactionTemplate transaction;

    private final Clock clock;

    public ScheduledPublisher(JdbcClient jdbc, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${newsroom.publishing.poll-interval:PT30S}",
            initialDelayString = "${newsroom.publishing.initial-delay:PT5S}")
    void tick() {
        try {
            publishDue();
        }
        catch (RuntimeException ex) {
            log.warn("Scheduled publishing failed; will retry on the next tick", ex);
        }
    }

    /**
     * Publishes every scheduled article due by the clock's now, and takes down published articles whose
     * scheduled unpublish time has passed; returns how many articles this instance published.
     */
    public int publishDue() {
        int total = 0;
        int[] counts;
        do {
            counts = transaction.execute(status -> publishBatch(clock.instant()));
            total += counts[0];
        }
        while (counts[0] == BATCH || counts[1] == BATCH);
        return total;
    }

    /** One batch of each; returns {published, taken down}. */
    private int[] publishBatch(Instant now) {
        int published = transition(now, """
                with due as (
                    select id from articles
                    where status = 'SCHEDULED' and published_at <= :now
                    order by published_at, id
                    limit :batch
                    for update skip locked)
                update articles a
                set status = 'PUBLISHED', review_requested_at = null, version = a.version + 1
                from due where a.id = due.id and a.status = 'SCHEDULED'
                returning a.title, a.slug""", "article.published", " (scheduled)");
        int takenDown = transition(now, """
                with due as (
                    select id from articles
                    where status = 'PUBLISHED' and unpublish_at <= :now
                    order by unpublish_at, id
                    limit :batch
                    for update skip locked)
                update articles a
                set status = 'DRAFT', unpublish_at = null, version = a.version + 1
                from due where a.id = due.id and a.status = 'PUBLISHED'
                returning a.title, a.slug""", "article.unpublished", " (scheduled take-down)");
        if (published > 0 || takenDown > 0) {
            log.info("Published {} and took down {} scheduled article(s)", published, takenDown);
        }
        return new int[] { published, takenDown };
    }

    /** Runs one due-articles update (rows locked, skipped if another instance holds them) and audits each row. */
    private int transition(Instant now, String sql, String auditAction, String auditSuffix) {
        List<String[]> changed = jdbc.sql(sql)
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query((rs, row) -> new String[] { rs.getString("title"), rs.getString("slug") })
                .list();
        for (String[] article : changed) {
            audit.record(AuditLog.Actor.SYSTEM, auditAction, article[0], "/articles/" + article[1] + auditSuffix);
        }
        return changed.size();
    }
}
