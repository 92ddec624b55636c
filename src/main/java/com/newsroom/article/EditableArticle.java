package com.newsroom.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the editor form shows it. The excerpt is the one the editor wrote, empty when the stored one
 * is derived from the body (so the next save derives it again from the new body).
 */
public record EditableArticle(long id, long version, ArticleStatus status, boolean inReview, Instant publishedAt,
        Instant updatedAt, Instant unpublishAt, ArticleInput content, List<ArticleCorrections.Correction> corrections,
        Instant trashedAt) {

    static EditableArticle of(Article article, List<ArticleCorrections.Correction> corrections) {
        List<String> tags = article.getTags().stream().map(t -> t.getName()).sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        return new EditableArticle(article.getId(), article.getVersion(), article.getStatus(),
                article.getReviewRequestedAt() != null, article.getPublishedAt(), article.getUpdatedAt(),
                article.getUnpublishAt(), new ArticleInput(article.getTitle(), article.getSlug(), article.getDek(), article.getBodyMarkdown(),
                        Excerpts.written(article.getExcerpt(), article.getBodyMarkdown()),
                        article.getHeroImageUrl(), article.getHeroImageAlt(),
                        article.getHeroImageCaption(), article.getPrimaryCategory().getId(), tags,
                        article.getAuthors().stream().map(a -> a.getId()).toList(), article.isFeatured(),
                        article.isCommentsOpen(), article.getMetaDescription(), article.getSocialImageUrl(),
                        article.getSocialImageAlt()), corrections, article.getTrashedAt());
    }
}
