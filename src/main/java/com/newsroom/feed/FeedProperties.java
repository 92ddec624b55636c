package com.newsroom.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Feeds and sitemaps, under {@code newsroom.feeds.*}.
 *
 * @param fullContent    whether feed entries carry the whole article (true) or its excerpt only (the default)
 * @param size           how many of the newest articles a feed holds
 * @param sitemapPageSize how many articles' URLs one sitemap page holds (search engines accept 50,000)
 */
@Validated
@ConfigurationProperties("newsroom.feeds")
public record FeedProperties(
        @DefaultValue("false") boolean fullContent,
        @Min(1) @Max(100) @DefaultValue("20") int size,
        @Min(1) @Max(50_000) @DefaultValue("10000") int sitemapPageSize) {
}
