package com.newsroom.article;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dated correction and update notes, shown to readers at the foot of the article. */
@Component
public class ArticleCorrections {

    public record Correction(Instant at, String note) {
    }

    private final JdbcClient jdbc;

    ArticleCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: no transaction (with JPA's transaction manager, a persistence context) needed around it. */
    public List<Correction> forArticle(long articleId) {
        return jdbc.sql("select created_at, note from article_corrections where article_id = :id order by created_at, id")
                .param("id", articleId)
                .query((rs, row) -> new Correction(rs.getTimestamp("created_at").toInstant(), rs.getString("note")))
                .list();
    }

    void add(long articleId, String note, Editor editor, Instant at) {
        jdbc.sql("insert into article_corrections (article_id, note, created_at, created_by) values (:id, :note, :at, :by)")
                .param("id", articleId).param("note", note.strip()).param("at", java.sql.Timestamp.from(at))
                .param("by", editor.staffIdOrNull()).update();
    }
}
