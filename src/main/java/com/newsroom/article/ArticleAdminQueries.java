package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.web.BadRequestException;
import com.newsroom.web.paging.Cursor;
import com.newsroom.web.paging.KeysetPage;

/** The admin article list: filtered, searched by title, keyset-paginated by last update, with counts per status. */
@Service
@Transactional(readOnly = true)
public class ArticleAdminQueries {

    public static final int PAGE_SIZE = 25;

    /** {@code status} is a status name or REVIEW (drafts awaiting review); {@code ownStaffId} limits to one author. */
    public record Filter(String status, Long categoryId, Long authorId, String title, Long ownStaffId) {
    }

    /** {@code pendingUpdate}: a staged update waits ({@link ArticleUpdates}), to go out at {@code updateAt} if set. */
    public record Row(long id, String title, String slug, String status, boolean inReview, boolean returned,
            String category, String authors, Instant updatedAt, Instant publishedAt, boolean pendingUpdate,
            Instant updateAt) {
    }

    private final JdbcClient jdbc;

    ArticleAdminQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public KeysetPage<Row> list(Filter filter, String after) {
        Cursor position = after == null || after.isBlank() ? null : Cursor.parse(after);
        StringBuilder sql = new StringBuilder("""
                select a.id, a.title, a.slug, a.status, a.review_requested_at is not null as in_review,
                       a.returned_at is not null as returned,
                       c.name as category, a.updated_at, a.published_at,
                       u.article_id is not null as pending_update, u.publish_at as update_at,
                       (select string_agg(s.display_name, ', ' order by aa.position) from article_authors aa
                        join staff s on s.id = aa.staff_id where aa.article_id = a.id) as authors
                from articles a join categories c on c.id = a.primary_category_id
                left join article_pending_updates u on u.article_id = a.id
                where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        where(filter, sql, params);
        if (position != null) {
            sql.append(" and (a.updated_at, a.id) < (:afterUpdated, :afterId)");
            params.put("afterUpdated", Timestamp.from(position.at()));
            params.put("afterId", position.id());
        }
        sql.append(" order by a.updated_at desc, a.id desc limit :limit");
        params.put("limit", PAGE_SIZE + 1);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
                        rs.getString("status"), rs.getBoolean("in_review"), rs.getBoolean("returned"),
                        rs.getString("category"),
                        rs.getString("authors") == null ? "" : rs.getString("authors"),
                        rs.getTimestamp("updated_at").toInstant(),
                        instant(rs.getTimestamp("published_at")), rs.getBoolean("pending_update"),
                        instant(rs.getTimestamp("update_at"))))
                .list());
        return KeysetPage.of(rows, PAGE_SIZE, row -> new Cursor(row.updatedAt(), row.id()).token());
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** How many articles each status holds (and how many drafts wait for review), within the author limit. */
    public Map<String, Long> counts(Long ownStaffId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("DRAFT", "REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED")) {
            counts.put(status, 0L);
        }
        StringBuilder sql = new StringBuilder("""
                select case when a.status = 'DRAFT' and a.review_requested_at is not null then 'REVIEW' else a.status end
                       as status, count(*) as n
                from articles a where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        where(new Filter(null, null, null, null, ownStaffId), sql, params);
        sql.append(" group by 1");
        jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** An article in the trash: what it was and when it went there. */
    public record TrashedRow(long id, String title, String status, Instant trashedAt) {
    }

    /** The trash, most recently trashed first (at most {@code limit}; it is emptied one by one). */
    public List<TrashedRow> trash(int limit) {
        return jdbc.sql("""
                select id, title, status, trashed_at from articles where trashed_at is not null
                order by trashed_at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new TrashedRow(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getTimestamp("trashed_at").toInstant()))
                .list();
    }

    private static void where(Filter filter, StringBuilder sql, Map<String, Object> params) {
        // The trash has its own page.
        sql.append(" and a.trashed_at is null");
        if (filter.ownStaffId() != null) {
            // An author's own pieces in every state: the drafts they may edit and what went out under their byline.
            sql.append(" and (a.created_by = :own or exists (select 1 from article_authors o"
                    + " where o.article_id = a.id and o.staff_id = :own))");
            params.put("own", filter.ownStaffId());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            if (filter.status().equals("REVIEW")) {
                sql.append(" and a.status = 'DRAFT' and a.review_requested_at is not null");
            }
            else {
                try {
                    params.put("status", ArticleStatus.valueOf(filter.status()).name());
                }
                catch (IllegalArgumentException ex) {
                    throw new BadRequestException("unknown status");
                }
                sql.append(" and a.status = :status");
            }
        }
        if (filter.categoryId() != null) {
            sql.append(" and a.primary_category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.authorId() != null) {
            sql.append(" and exists (select 1 from article_authors f where f.article_id = a.id and f.staff_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.title() != null && !filter.title().isBlank()) {
            sql.append(" and a.title ilike :title escape '\\'");
            params.put("title", "%" + filter.title().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
    }
}
