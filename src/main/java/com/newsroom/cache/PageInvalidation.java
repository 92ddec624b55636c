package com.newsroom.cache;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where every change ends up: tells the other in-memory keepers (navigation, settings), drops the affected
 * pages from this instance's cache, and announces {@link PagesInvalidated} for a cache tier in front.
 * <p>
 * Every instance announces every change it hears of, not only the one that made it: until an instance has
 * heard, it may still hand the tier the old page (from its own cache, or rendered just before the change
 * committed), and the tier would keep that copy after the first purge. The last purge comes from the last
 * instance to hear; from then on an instance hands out only pages rendered after the change, because a page
 * rendered across it is marked for no shared cache ({@link PageCache#put}).
 */
@Component
class PageInvalidation {

    private static final Logger log = LoggerFactory.getLogger(PageInvalidation.class);

    private final PageCache cache;

    private final ApplicationEventPublisher events;

    PageInvalidation(PageCache cache, ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
    }

    /** A change committed (here or elsewhere), as its database notification tells. */
    void committed(PageChange change) {
        log.debug("Change committed by {}: pages {}", change.origin(), change.keys());
        // The keepers first: a page rendered after the drop below must not be built from their old copies.
        events.publishEvent(new ContentChanged());
        cache.invalidate(change.keys());
        events.publishEvent(new PagesInvalidated(change.keys()));
    }

    /**
     * A change this instance just committed through JPA: dropped at once, so the next request here shows it;
     * its notification follows and does the rest.
     */
    void committedHere(Set<String> keys) {
        cache.invalidate(keys);
    }

    /**
     * Notifications may have been missed (listening started, or {@code resumed} after the connection was lost):
     * nothing cached here can be trusted. After a loss, the cache tier in front is purged of every page as well:
     * this instance may have handed it pages older than a change it never heard of, and a change made while no
     * instance was listening was purged by none.
     */
    void missedChanges(boolean resumed) {
        cache.invalidateAll();
        events.publishEvent(new ContentChanged());
        if (resumed) {
            log.info("Listening for content changes again: every page is purged from the cache tier");
            events.publishEvent(new PagesInvalidated(Set.of(PageKeys.SITE)));
        }
    }
}
