package com.newsroom.article;

import java.time.Instant;
import java.util.List;

import com.newsroom.media.Picture;

/** An article as a listing shows it; {@code heroPicture} is set when the hero comes from the media library. */
public record ArticleCard(long id, String title, String slug, String dek, String excerpt, String heroImageUrl,
        String heroImageAlt, Ref category, List<Ref> authors, Instant publishedAt, int readingMinutes,
        int commentCount, boolean featured, Picture heroPicture) {

    /** A link target: a category, tag or author, by name and slug. */
    public record Ref(String name, String slug) {
    }
}
