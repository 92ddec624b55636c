package com.newsroom.edge;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.newsroom.cache.PagesInvalidated;

/**
 * Purges the cache tier by the surrogate keys of every change this instance hears of: one {@link PurgeTarget}
 * per configured Varnish, each sending in the background, so the request that made the change never waits
 * for a cache, and never fails because of one. Each change is purged twice: at once, and again after
 * {@link EdgeProperties#repurgeAfter()}, for an old page that was already on its way to the tier.
 */
@Component
class EdgePurger {

    private final List<PurgeTarget> targets;

    private final PurgeClient client;

    private final Duration repurgeAfter;

    EdgePurger(EdgeProperties properties, PurgeClient client) {
        for (URI uri : properties.purgeUrls()) {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("newsroom.edge.purge-urls: " + uri + " is not an http(s) address");
            }
        }
        this.client = client;
        this.repurgeAfter = properties.repurgeAfter();
        this.targets = properties.purgeUrls().stream().map((URI uri) -> new PurgeTarget(uri, client)).toList();
    }

    /**
     * After the change commits (a purge sent earlier would let the cache fetch the old page again); at once
     * when the event comes from outside a transaction.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void purge(PagesInvalidated event) {
        if (event.keys().isEmpty()) {
            return;
        }
        send(event.keys());
        if (!repurgeAfter.isZero() && !targets.isEmpty()) {
            client.later(repurgeAfter).execute(() -> send(event.keys()));
        }
    }

    private void send(Set<String> keys) {
        for (PurgeTarget target : targets) {
            target.purge(keys);
        }
    }
}
