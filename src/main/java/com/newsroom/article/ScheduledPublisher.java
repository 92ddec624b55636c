package com.newsroom.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled articles whose time has come, and takes down those whose embargo has ended. Runs on a
 * timer, so it needs no traffic; takes every overdue article (so it catches up after downtime); and claims
 * rows with {@code for update skip locked}, so with several instances each article is handled exactly once.
 * Each claimed article goes through the same transition as an editor's action ({@link Article}), so the
 * timestamps, the review flag, the audit entry and the events are the same. Staged updates due by then are
 * published the same way ({@link ArticleUpdates#publishDue}).
 */
@Component
public class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    static final int BATCH = 100;

    private final Articles articles;

    private final TransactionTemplate transaction;

    private final Clock clock;

    /** Null for a publisher of articles only (as some tests build one). */
    private final ArticleUpdates updates;

    @Autowired
    public ScheduledPublisher(Articles articles, TransactionTemplate transaction, Clock clock, ArticleUpdates updates) {
        this.articles = articles;
        this.transaction = transaction;
        this.clock = clock;
        this.updates = updates;
    }

    /** A publisher of scheduled articles and take-downs, without staged updates. */
    public ScheduledPublisher(Articles articles, TransactionTemplate transaction, Clock clock) {
        this(articles, transaction, clock, null);
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
        Instant now = clock.instant();
        int published = drain(now, articles::claimDueForPublication, Article::publishAsScheduled);
        int takenDown = drain(now, articles::claimDueForTakeDown, Article::takeDownAsScheduled);
        int updated = updates == null ? 0 : updates.publishDue(now);
        if (published > 0 || takenDown > 0 || updated > 0) {
            log.info("Published {}, took down {} and updated {} scheduled article(s)", published, takenDown, updated);
        }
        return published;
    }

    /** Batch after batch, each in a transaction of its own, until no due article is left unclaimed. */
    private int drain(Instant now, BiFunction<Instant, Integer, List<Article>> claim,
            BiConsumer<Article, Instant> transition) {
        int total = 0;
        int claimed;
        do {
            claimed = transaction.execute(status -> {
                List<Article> due = claim.apply(now, BATCH);
                due.forEach(article -> transition.accept(article, now));
                articles.saveAll(due);
                articles.flush();
                return due.size();
            });
            total += claimed;
        }
        while (claimed == BATCH);
        return total;
    }
}
