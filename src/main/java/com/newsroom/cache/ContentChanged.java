package com.newsroom.cache;

/**
 * Something readers can see changed, here or on another instance: whatever is kept in memory for pages
 * (navigation, settings, rendered pages) should be read afresh.
 */
public record ContentChanged() {
}
