package com.newsroom.cache;

import java.util.Set;

/**
 * Pages carrying any of these surrogate keys were just invalidated, so a cache tier in front (Varnish, a CDN) is
 * purged by the same keys. Published by every instance for every change it hears of, whichever instance made it
 * (see {@link PageInvalidation}), and with {@link PageKeys#SITE} alone when an instance may have missed changes.
 */
public record PagesInvalidated(Set<String> keys) {

    public PagesInvalidated {
        keys = Set.copyOf(keys);
    }
}
