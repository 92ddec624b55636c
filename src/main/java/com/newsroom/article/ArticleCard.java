package com.newsroom.article;

import java.time.Instant;
import java.util.List;

/** An article as a listing shows it. */
public record ArticleCard(long id, String title, String slug, String dek, String excerpt, String heroImageUrl,
        String heroImageAlt, Ref category, List<Ref> authors, Instant publishedAt, int readingMinutes,
        int commentCount, boolean featured) {

    /** A link target: a category, tag or author, by name and slug. */
    public record Ref(String name, String slug) {
    }
}
