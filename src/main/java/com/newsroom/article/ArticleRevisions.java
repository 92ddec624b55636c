package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every save of an article keeps a copy of its text: who saved it and when. Saves of a staged update
 * ({@link ArticleUpdates}) are kept too, marked as such ({@code pendingUpdate}).
 */
@Component
public class ArticleRevisions {

    public record Revision(long id, long articleId, Instant savedAt, String savedBy, String title, String slug,
            String dek, String bodyMarkdown, String excerpt, String heroImageUrl, String heroImageAlt,
            String heroImageCaption, String metaDescription, String socialImageUrl, String socialImageAlt, boolean pendingUpdate) {
    }

    private final JdbcClient jdbc;

    ArticleRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Article article, Editor editor, Instant at) {
        jdbc.sql("""
                insert into article_revisions (article_id, saved_at, saved_by, saved_by_name, title, slug, dek,
                    body_markdown, excerpt, hero_image_url, hero_image_alt, hero_image_caption, meta_description,
                    social_image_url, social_image_alt)
                values (:article, :at, :by, :name, :title, :slug, :dek, :body, :excerpt, :url, :alt, :caption,
                    :meta, :socialUrl, :socialAlt)""")
                .param("article", article.getId()).param("at", Timestamp.from(at))
                .param("by", editor.staffId() > 0 ? editor.staffId() : null).param("name", editor.name())
                .param("title", article.getTitle()).param("slug", article.getSlug()).param("dek", article.getDek())
                .param("body", article.getBodyMarkdown()).param("excerpt", article.getExcerpt())
                .param("url", article.getHeroImageUrl()).param("alt", article.getHeroImageAlt())
                .param("caption", article.getHeroImageCaption()).param("meta", article.getMetaDescription())
                .param("socialUrl", article.getSocialImageUrl()).param("socialAlt", article.getSocialImageAlt())
                .update();
    }

    /** A save of the article's staged update: its text as saved, marked as not published. */
    void recordUpdate(long articleId, ArticleInput update, String slug, Editor editor, Instant at) {
        jdbc.sql("""
                insert into article_revisions (article_id, saved_at, saved_by, saved_by_name, title, slug, dek,
                    body_markdown, excerpt, hero_image_url, hero_image_alt, hero_image_caption, meta_description,
                    social_image_url, social_image_alt, pending_update)
                values (:article, :at, :by, :name, :title, :slug, :dek, :body, :excerpt, :url, :alt, :caption,
                    :meta, :socialUrl, :socialAlt, true)""")
                .param("article", articleId).param("at", Timestamp.from(at))
                .param("by", editor.staffIdOrNull()).param("name", editor.name())
                .param("title", update.title()).param("slug", slug).param("dek", update.dek())
                .param("body", update.bodyMarkdown()).param("excerpt", update.excerpt())
                .param("url", update.heroImageUrl()).param("alt", update.heroImageAlt())
                .param("caption", update.heroImageCaption()).param("meta", update.metaDescription())
                .param("socialUrl", update.socialImageUrl()).param("socialAlt", update.socialImageAlt())
                .update();
    }

    List<Revision> forArticle(long articleId) {
        return jdbc.sql("select * from article_revisions where article_id = :id order by id desc")
                .param("id", articleId).query(this::map).list();
    }

    Optional<Revision> find(long articleId, long revisionId) {
        return jdbc.sql("select * from article_revisions where article_id = :article and id = :id")
                .param("article", articleId).param("id", revisionId).query(this::map).optional();
    }

    private Revision map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getTimestamp("saved_at").toInstant(),
                rs.getString("saved_by_name"), rs.getString("title"), rs.getString("slug"), rs.getString("dek"),
                rs.getString("body_markdown"), rs.getString("excerpt"), rs.getString("hero_image_url"),
                rs.getString("hero_image_alt"), rs.getString("hero_image_caption"), rs.getString("meta_description"),
                rs.getString("social_image_url"), rs.getString("social_image_alt"), rs.getBoolean("pending_update"));
    }
}
