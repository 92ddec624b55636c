package com.newsroom.article;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A slug an article used to have; requests for it are sent on, permanently, to the current one. */
@Entity
@Table(name = "article_slug_redirects")
class ArticleSlugRedirect {

    @Id
    private String oldSlug;

    private Long articleId;

    private Instant createdAt;

    protected ArticleSlugRedirect() {
    }

    ArticleSlugRedirect(String oldSlug, Long articleId, Instant createdAt) {
        this.oldSlug = oldSlug;
        this.articleId = articleId;
        this.createdAt = createdAt;
    }

    String getOldSlug() {
        return oldSlug;
    }

    Long getArticleId() {
        return articleId;
    }
}
