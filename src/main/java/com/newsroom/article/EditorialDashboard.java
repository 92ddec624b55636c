package com.newsroom.article;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the admin dashboard shows: work in progress, what is queued, what just went out, and the comment queue. */
@Service
@Transactional(readOnly = true)
public class EditorialDashboard {

    public record Item(long id, String title, String status, Instant at, boolean inReview) {
    }

    public record Summary(List<Item> drafts, List<Item> scheduled, List<Item> recentlyPublished, long pendingComments,
            List<Piece> mine) {
    }

    /**
     * One of an author's pieces and where it stands: a draft (perhaps returned with an editor's note, or waiting
     * in review), scheduled, published or archived. {@code at} is when it goes or went out, else its last change.
     */
    public record Piece(long id, String title, String status, boolean inReview, boolean returned, String returnNote,
            Instant at) {

        public boolean editable() {
            return "DRAFT".equals(status);
        }
    }

    private static final int MINE = 30;

    private final JdbcClient jdbc;

    EditorialDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code ownStaffId} limits drafts to one author's own (null: everyone's). */
    public Summary summary(Long ownStaffId) {
        List<Item> drafts = items("""
                select id, title, status, updated_at as at, review_requested_at is not null as in_review from articles
                where status = 'DRAFT' and (cast(:own as bigint) is null or created_by = :own
                    or exists (select 1 from article_authors aa where aa.article_id = articles.id and aa.staff_id = :own))
                order by updated_at desc, id desc limit 8""", ownStaffId);
        List<Item> scheduled = items("""
                select id, title, status, published_at as at, false as in_review from articles
                where status = 'SCHEDULED' and cast(:own as bigint) is null
                order by published_at, id limit 8""", ownStaffId);
        List<Item> published = items("""
                select id, title, status, published_at as at, false as in_review from articles
                where status = 'PUBLISHED' and cast(:own as bigint) is null
                order by published_at desc, id desc limit 8""", ownStaffId);
        long pending = jdbc.sql("select count(*) from comments where status = 'PENDING'").query(Long.class).single();
        return new Summary(drafts, scheduled, published, pending, ownStaffId == null ? List.of() : mine(ownStaffId));
    }

    /** Everything an author started or has a byline on, newest change first, with the latest return note. */
    private List<Piece> mine(long staffId) {
        return jdbc.sql("""
                select a.id, a.title, a.status, a.review_requested_at is not null as in_review,
                       a.returned_at is not null as returned,
                       case when a.returned_at is not null then (select n.body from article_notes n
                            where n.article_id = a.id and n.kind = 'RETURNED' order by n.id desc limit 1) end as note,
                       case when a.status in ('SCHEDULED', 'PUBLISHED') then a.published_at else a.updated_at end as at
                from articles a
                where a.created_by = :own or exists (select 1 from article_authors aa
                    where aa.article_id = a.id and aa.staff_id = :own)
                order by a.updated_at desc, a.id desc limit :limit""")
                .param("own", staffId).param("limit", MINE)
                .query((rs, row) -> new Piece(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getBoolean("in_review"), rs.getBoolean("returned"), rs.getString("note"),
                        rs.getTimestamp("at") == null ? null : rs.getTimestamp("at").toInstant()))
                .list();
    }

    private List<Item> items(String sql, Long own) {
        return jdbc.sql(sql).param("own", own)
                .query((rs, row) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getTimestamp("at") == null ? null : rs.getTimestamp("at").toInstant(),
                        rs.getBoolean("in_review")))
                .list();
    }
}
