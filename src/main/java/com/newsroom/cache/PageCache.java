package com.newsroom.cache;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;

/**
 * Rendered public pages, kept in memory by URL. Any change readers could see empties it at once (see
 * {@link ContentChangeListener} and {@link EntityChangeInvalidator}); the time-to-live is only a net.
 */
@Component
public class PageCache {

    private final Cache<String, CachedPage> pages;

    private final AtomicLong generation = new AtomicLong();

    private final boolean enabled;

    private final ApplicationEventPublisher events;

    PageCache(NewsroomProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        var settings = properties.cache();
        this.enabled = settings.enabled();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.maxMegabytes() * 1024L * 1024L)
                .weigher((String key, CachedPage page) -> page.weight())
                .expireAfterWrite(settings.timeToLive())
                .recordStats()
                .build();
    }

    public boolean isEnabled() {
        return enabled;
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    /**
     * Stores a page rendered while the cache was at {@code renderedInGeneration}: if content changed in
     * the meantime, the page may be stale and is not kept.
     */
    void put(String key, CachedPage page, long renderedInGeneration) {
        if (generation.get() == renderedInGeneration) {
            pages.put(key, page);
            if (generation.get() != renderedInGeneration) {
                pages.invalidate(key);
            }
        }
    }

    /** Counts invalidations so far; for monitoring, and for tests waiting until notifications have arrived. */
    public long generation() {
        return generation.get();
    }

    /**
     * Forgets every page, and tells the other in-memory keepers; called whenever published content,
     * comments or settings change.
     */
    public void invalidateAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
        events.publishEvent(new ContentChanged());
    }

    public long size() {
        return pages.estimatedSize();
    }

    public double hitRate() {
        return pages.stats().hitRate();
    }
}
