package com.newsroom.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.article.ListingScope;
import com.newsroom.feed.FeedArticle.Link;

/**
 * Reads the newest published articles of a feed, each scope straight from its listing index (the listing
 * pages' own {@link ListingScope}), then their bylines and tags in one query each.
 */
@Component
@Transactional(readOnly = true)
class FeedArticles {

    private final JdbcClient jdbc;

    FeedArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest articles of a listing (read from its index, as the listing page is), then their details. */
    List<FeedArticle> newest(ListingScope scope, Long owner, int limit) {
        var keys = jdbc.sql(scope.newestSql(limit));
        if (owner != null) {
            keys = keys.param("owner", owner);
        }
        List<Long> newest = keys.query((rs, n) -> rs.getLong("id")).list();
        if (newest.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql("""
                select a.id, a.title, a.slug, a.dek, a.excerpt, a.body_html, a.published_at,
                       greatest(a.published_at, a.updated_at) as updated_at, c.name as category_name,
                       c.slug as category_slug
                from articles a join categories c on c.id = a.primary_category_id
                where a.id in (:ids)
                order by a.published_at desc, a.id desc""")
                .param("ids", newest);
        List<Row> rows = query.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
                rs.getString("excerpt").isBlank() ? rs.getString("dek") : rs.getString("excerpt"),
                rs.getString("body_html"), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("updated_at")),
                new Link(rs.getString("category_name"), rs.getString("category_slug")))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Link>> authors = links("""
                select aa.article_id, s.display_name as name, s.slug from article_authors aa
                join staff s on s.id = aa.staff_id where aa.article_id in (:ids) order by aa.article_id, aa.position""",
                ids);
        Map<Long, List<Link>> tags = links("""
                select at.article_id, t.name, t.slug from article_tags at
                join tags t on t.id = at.tag_id where at.article_id in (:ids) order by at.article_id, t.name""", ids);
        return rows.stream()
                .map(r -> new FeedArticle(r.id(), r.title(), r.slug(), r.summary(), r.bodyHtml(), r.publishedAt(),
                        r.updatedAt(), r.category(), authors.getOrDefault(r.id(), List.of()),
                        tags.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private Map<Long, List<Link>> links(String sql, List<Long> ids) {
        Map<Long, List<Link>> links = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            links.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                    .add(new Link(rs.getString("name"), rs.getString("slug")));
        });
        return links;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(long id, String title, String slug, String summary, String bodyHtml, Instant publishedAt,
            Instant updatedAt, Link category) {
    }
}
