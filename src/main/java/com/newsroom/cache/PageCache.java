package com.newsroom.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;

/**
 * Rendered public pages, kept in memory by URL, each with the surrogate keys of what it shows. A change drops
 * only the pages carrying one of its keys ({@link PageKeys#SITE} drops all); the time-to-live is only a net.
 */
@Component
public class PageCache {

    private final Cache<String, CachedPage> pages;

    /** Which cached URLs carry each key. */
    private final Map<String, Set<String>> urlsByKey = new ConcurrentHashMap<>();

    /** The generation at which each key (and the whole cache) was last invalidated. */
    private final Map<String, Long> invalidatedAt = new ConcurrentHashMap<>();

    private final AtomicLong generation = new AtomicLong();

    private volatile long allInvalidatedAt;

    private final boolean enabled;

    PageCache(NewsroomProperties properties) {
        var settings = properties.cache();
        this.enabled = settings.enabled();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.maxMegabytes() * 1024L * 1024L)
                .weigher((String url, CachedPage page) -> page.weight())
                .expireAfterWrite(settings.timeToLive())
                .removalListener((String url, CachedPage page, RemovalCause cause) -> unindex(url, page))
                .recordStats()
                .build();
    }

    public boolean isEnabled() {
        return enabled;
    }

    CachedPage get(String url) {
        return pages.getIfPresent(url);
    }

    /**
     * Stores a page rendered since {@code renderedInGeneration}: if any of its keys was invalidated in the
     * meantime the page may be stale, and is not kept. Returns whether it was kept, that is, whether the page
     * is as fresh as the last change this instance has heard of.
     */
    boolean put(String url, CachedPage page, long renderedInGeneration) {
        if (invalidatedSince(page.keys(), renderedInGeneration)) {
            return false;
        }
        for (String key : page.keys()) {
            urlsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(url);
        }
        pages.put(url, page);
        // An invalidation that ran between the check and the put may have missed this page: look again.
        if (invalidatedSince(page.keys(), renderedInGeneration)) {
            pages.asMap().remove(url, page);
            return false;
        }
        return true;
    }

    /** Whether nothing this page shows has changed since a render that began in {@code renderedInGeneration}. */
    boolean isCurrent(CachedPage page, long renderedInGeneration) {
        return !invalidatedSince(page.keys(), renderedInGeneration);
    }

    private boolean invalidatedSince(Collection<String> keys, long renderedInGeneration) {
        if (allInvalidatedAt > renderedInGeneration) {
            return true;
        }
        for (String key : keys) {
            Long at = invalidatedAt.get(key);
            if (at != null && at > renderedInGeneration) {
                return true;
            }
        }
        return false;
    }

    /** Counts invalidations so far; a page rendered from now on remembers it (see {@link #put}). */
    public long generation() {
        return generation.get();
    }

    /** Drops the pages carrying any of these keys; {@link PageKeys#SITE} drops every page. */
    public void invalidate(Collection<String> keys) {
        if (keys.contains(PageKeys.SITE)) {
            invalidateAll();
            return;
        }
        long now = generation.incrementAndGet();
        for (String key : keys) {
            invalidatedAt.put(key, now);
            Set<String> urls = urlsByKey.remove(key);
            if (urls != null) {
                pages.invalidateAll(urls);
            }
        }
    }

    /** Forgets every page. */
    public void invalidateAll() {
        allInvalidatedAt = generation.incrementAndGet();
        // Per-key marks older than this one no longer matter.
        invalidatedAt.clear();
        pages.invalidateAll();
    }

    private void unindex(String url, CachedPage page) {
        if (page == null) {
            return;
        }
        for (String key : page.keys()) {
            Set<String> urls = urlsByKey.get(key);
            if (urls != null && !pages.asMap().containsKey(url)) {
                urls.remove(url);
            }
        }
    }

    public long size() {
        return pages.estimatedSize();
    }

    public double hitRate() {
        return pages.stats().hitRate();
    }
}
