package com.newsroom.moderation;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.comment.CommentStatus;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.PlainText;
import com.newsroom.web.paging.Cursor;
import com.newsroom.web.paging.Listing;
import com.newsroom.web.paging.PageParams;

/**
 * The moderation queue: comments of one status, newest first, optionally of one article; keyset-paginated
 * on (status[, article], created_at, id) indexes, with every row's reasons loaded in one more query.
 */
@Service
@Transactional(readOnly = true)
public class ModerationQueue {

    static final int PAGE_SIZE = 25;

    private static final int EXCERPT_LENGTH = 240;

    private static final String MATCHES = """
            (cast(:q as text) is null or lower(c.author_name) like :qPrefix escape '\\'
                 or lower(c.author_email) = :qLower or c.ip_hash = :q)""";

    /**
     * A reply brings the comment it answers (its text is what the reply means); a search narrows by a name's
     * beginning, an exact email or an exact address hash (each indexed, see V111).
     */
    private static final String SELECT = """
            select c.id, c.article_id, a.title, a.slug, c.author_name, c.body, c.created_at, c.status,
                   c.spam_score, c.parent_id, p.author_name as parent_author, p.body as parent_body,
                   p.status as parent_status
            from comments c join articles a on a.id = c.article_id left join comments p on p.id = c.parent_id
            where c.status = :status and (cast(:article as bigint) is null or c.article_id = :article)
              and """ + MATCHES;

    private final JdbcClient jdbc;

    ModerationQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the queue is narrowed to: one article, and a search by name, email or address hash (null: none). */
    public record Scope(Long articleId, String search) {

        public static final Scope ALL = new Scope(null, null);

        public Scope {
            search = search == null || search.isBlank() ? null : search.strip();
        }
    }

    public Listing<QueueRow> page(CommentStatus status, Long articleId, PageParams params) {
        return page(status, new Scope(articleId, null), params);
    }

    public Listing<QueueRow> page(CommentStatus status, Scope scope, PageParams params) {
        List<QueueRow> rows;
        boolean hasNext;
        if (params.before() != null) {
            rows = new ArrayList<>(query(SELECT + " and (c.created_at, c.id) > (:at, :id)"
                    + " order by c.created_at asc, c.id asc limit :limit", status, scope, params.before(),
                    PAGE_SIZE, 0));
            Collections.reverse(rows);
            hasNext = true;
        }
        else {
            boolean fromCursor = params.after() != null;
            long offset = fromCursor ? 0 : (long) (params.number() - 1) * PAGE_SIZE;
            rows = query(SELECT + (fromCursor ? " and (c.created_at, c.id) < (:at, :id)" : "")
                    + " order by c.created_at desc, c.id desc limit :limit offset :offset", status, scope,
                    params.after(), PAGE_SIZE + 1, offset);
            hasNext = rows.size() > PAGE_SIZE;
            if (hasNext) {
                rows = rows.subList(0, PAGE_SIZE);
            }
        }
        List<QueueRow> withReasons = attachReasons(rows);
        Cursor first = withReasons.isEmpty() ? null : cursor(withReasons.get(0));
        Cursor last = withReasons.isEmpty() ? null : cursor(withReasons.get(withReasons.size() - 1));
        return Listing.of(withReasons, params.number(), first, last, hasNext);
    }

    /** How many comments wait in each tab (optionally for one article). */
    public Map<CommentStatus, Long> counts(Long articleId) {
        return counts(new Scope(articleId, null));
    }

    /** How many comments wait in each tab, within the scope. */
    public Map<CommentStatus, Long> counts(Scope scope) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        search(jdbc.sql("""
                select c.status, count(*) as n from comments c
                where (cast(:article as bigint) is null or c.article_id = :article) and """ + MATCHES
                + " group by c.status"), scope.search())
                .param("article", scope.articleId())
                .query((rs, row) -> Map.entry(CommentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The title of the article a queue is filtered by; unknown ids are not found. */
    public String articleTitle(long articleId) {
        return jdbc.sql("select title from articles where id = :id").param("id", articleId).query(String.class)
                .optional().orElseThrow(NotFoundException::new);
    }

    private static JdbcClient.StatementSpec search(JdbcClient.StatementSpec statement, String q) {
        String lower = q == null ? null : q.toLowerCase(Locale.ROOT);
        return statement.param("q", q).param("qLower", lower)
                .param("qPrefix", lower == null ? null : lower.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
    }

    private List<QueueRow> query(String sql, CommentStatus status, Scope scope, Cursor cursor, int limit,
            long offset) {
        var statement = search(jdbc.sql(sql), scope.search())
                .param("status", status.name())
                .param("article", scope.articleId())
                .param("limit", limit);
        if (sql.contains(":offset")) {
            statement = statement.param("offset", offset);
        }
        if (cursor != null) {
            statement = statement.param("at", Timestamp.from(cursor.at())).param("id", cursor.id());
        }
        return statement.query((rs, row) -> new QueueRow(rs.getLong("id"), rs.getLong("article_id"),
                rs.getString("title"), rs.getString("slug"), rs.getString("author_name"),
                PlainText.excerpt(rs.getString("body"), EXCERPT_LENGTH), rs.getTimestamp("created_at").toInstant(),
                CommentStatus.valueOf(rs.getString("status")), rs.getInt("spam_score"),
                rs.getObject("parent_id") != null, parent(rs), List.of())).list();
    }

    private List<QueueRow> attachReasons(List<QueueRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<QueueRow.Reason>> reasons = new HashMap<>();
        jdbc.sql("select comment_id, rule, detail, score from comment_signals where comment_id in (:ids)"
                + " order by score desc, rule")
                .param("ids", rows.stream().map(QueueRow::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong("comment_id"),
                        new QueueRow.Reason(rs.getString("rule"), rs.getString("detail"), rs.getInt("score"))))
                .list()
                .forEach(e -> reasons.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new QueueRow(r.id(), r.articleId(), r.articleTitle(), r.articleSlug(),
                r.authorName(), r.excerpt(), r.createdAt(), r.status(), r.spamScore(), r.reply(), r.parent(),
                reasons.getOrDefault(r.id(), List.of()))).toList();
    }

    private static QueueRow.Parent parent(java.sql.ResultSet rs) throws java.sql.SQLException {
        long parentId = rs.getLong("parent_id");
        if (rs.wasNull() || rs.getString("parent_status") == null) {
            return null;
        }
        return new QueueRow.Parent(parentId, rs.getString("parent_author"), PlainText.excerpt(rs.getString("parent_body"), EXCERPT_LENGTH),
                CommentStatus.valueOf(rs.getString("parent_status")));
    }

    private static Cursor cursor(QueueRow row) {
        return new Cursor(row.createdAt(), row.id());
    }
}
