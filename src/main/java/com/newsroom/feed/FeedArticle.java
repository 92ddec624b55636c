package com.newsroom.feed;

import java.time.Instant;
import java.util.List;

/** A published article as feeds describe it. {@code updatedAt} is never before {@code publishedAt}. */
record FeedArticle(long id, String title, String slug, String summary, String bodyHtml, Instant publishedAt,
        Instant updatedAt, Link category, List<Link> authors, List<Link> tags) {

    /** A category, tag or author: its name and slug. */
    record Link(String name, String slug) {
    }
}
