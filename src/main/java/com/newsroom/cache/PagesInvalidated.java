package com.newsroom.cache;

import java.util.Set;

/**
 * Pages carrying any of these surrogate keys were just invalidated because of a change committed by this
 * instance. Published once per change, on the instance that made it (never on the instances that merely
 * heard of it), so a cache tier in front (Varnish, a CDN) can be purged by the same keys exactly once.
 */
public record PagesInvalidated(Set<String> keys) {

    public PagesInvalidated {
        keys = Set.copyOf(keys);
    }
}
