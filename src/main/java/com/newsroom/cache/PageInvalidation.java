package com.newsroom.cache;

import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where every change ends up: drops the affected pages from this instance's cache, tells the other in-memory
 * keepers (navigation, settings), and, on the instance that made the change only, announces
 * {@link PagesInvalidated} once, for a cache tier in front.
 */
@Component
class PageInvalidation {

    private final PageCache cache;

    private final ApplicationEventPublisher events;

    private final InstanceName instance;

    PageInvalidation(PageCache cache, ApplicationEventPublisher events, InstanceName instance) {
        this.cache = cache;
        this.events = events;
        this.instance = instance;
    }

    /** A change committed (here or elsewhere), as its database notification tells. */
    void committed(PageChange change) {
        cache.invalidate(change.keys());
        events.publishEvent(new ContentChanged());
        if (instance.value().equals(change.origin())) {
            events.publishEvent(new PagesInvalidated(change.keys()));
        }
    }

    /**
     * A change this instance just committed through JPA: dropped at once, so the next request here shows it;
     * its notification follows and does the rest.
     */
    void committedHere(Set<String> keys) {
        cache.invalidate(keys);
    }

    /** Notifications may have been missed (listening started or resumed): nothing cached can be trusted. */
    void missedChanges() {
        cache.invalidateAll();
        events.publishEvent(new ContentChanged());
    }
}
