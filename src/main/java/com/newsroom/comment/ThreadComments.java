package com.newsroom.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a page of an article's approved thread straight into the few columns a thread shows. A thread page is
 * read on every first view of an article (the long tail of the archive), and loading it as entities through two
 * repository queries cost more than the rest of the page's database work: Hibernate's result mapping, and a
 * transaction with a persistence context for rows nobody changes.
 */
@Component
class ThreadComments {

    /**
     * {@code size} top-level comments (an approved reply whose parent is not approved counts as one, as the thread
     * shows it), oldest or newest first, with every approved reply under them, oldest first throughout (the caller
     * orders the top level); and how many top-level comments the thread has. The count is joined to the page so
     * that one statement answers both, and a page past the end still gets its one row with the count.
     */
    private static final String PAGE = """
            with recursive top_level as (
                select c.id, c.created_at from comments c
                where c.article_id = :articleId and c.status = 'APPROVED'
                  and (c.parent_id is null
                       or not exists (select 1 from comments p where p.id = c.parent_id and p.status = 'APPROVED'))),
            roots as (
                select id from top_level
                order by case when :newestFirst then created_at end desc, case when :newestFirst then id end desc,
                         created_at, id
                limit :size offset :offset),
            thread as (
                select c.* from comments c where c.id in (select id from roots)
                union all
                select c.* from comments c join thread t on c.parent_id = t.id where c.status = 'APPROVED')
            select counted.top_level, t.id, t.parent_id, t.author_name, t.author_website, t.body, t.created_at,
                   t.staff_id
            from (select count(*) as top_level from top_level) counted
            left join thread t on true
            order by t.created_at, t.id""";

    private final JdbcClient jdbc;

    ThreadComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A comment as a thread shows it. */
    record ThreadComment(long id, Long parentId, String authorName, String authorWebsite, String body,
            Instant createdAt, boolean approved, boolean staff) {

        static ThreadComment of(Comment comment) {
            return new ThreadComment(comment.getId(), comment.getParentId(), comment.getAuthorName(),
                    comment.getAuthorWebsite(), comment.getBody(), comment.getCreatedAt(),
                    comment.getStatus() == CommentStatus.APPROVED, comment.getStaffId() != null);
        }
    }

    /** One page of the approved thread and the number of top-level comments in the whole thread. */
    record Page(long topLevel, List<ThreadComment> comments) {
    }

    Page approvedPage(long articleId, boolean newestFirst, int size, int offset) {
        long[] topLevel = {0};
        List<ThreadComment> comments = new ArrayList<>();
        jdbc.sql(PAGE)
                .param("articleId", articleId)
                .param("newestFirst", newestFirst)
                .param("size", size)
                .param("offset", offset)
                .query((RowCallbackHandler) row -> {
                    topLevel[0] = row.getLong("top_level");
                    if (row.getObject("id") != null) {
                        comments.add(approved(row));
                    }
                });
        return new Page(topLevel[0], List.copyOf(comments));
    }

    private static ThreadComment approved(ResultSet row) throws SQLException {
        return new ThreadComment(row.getLong("id"), row.getObject("parent_id", Long.class),
                row.getString("author_name"), row.getString("author_website"), row.getString("body"),
                row.getTimestamp("created_at").toInstant(), true,
                row.getObject("staff_id") != null);
    }
}
