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

    static ArticleCard of(Article article) {
        return new ArticleCard(article.getId(), article.getTitle(), article.getSlug(), article.getDek(),
                article.getExcerpt(), article.getHeroImageUrl(), article.getHeroImageAlt(),
                new Ref(article.getPrimaryCategory().getName(), article.getPrimaryCategory().getSlug()),
                article.getAuthors().stream().map(a -> new Ref(a.getDisplayName(), a.getSlug())).toList(),
                article.getPublishedAt(), article.getReadingMinutes(), article.getCommentCount(),
                article.isFeatured());
    }
}
