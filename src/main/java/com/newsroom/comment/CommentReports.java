package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.audit.AuditLog;
import com.newsroom.secrets.SiteSecrets;

/**
 * Readers' reports of approved comments. Each address reports a comment once; reports put the comment in front of
 * moderators with their count and reasons, and {@link #HOLD_AT} reports from different addresses take it off the
 * page until a moderator decides. A moderator who keeps the comment dismisses its reports.
 */
@Service
public class CommentReports {

    /** Reports from this many addresses hold a comment for moderation. */
    public static final int HOLD_AT = 3;

    /** Reports one address may send per hour, over all comments. */
    static final int PER_ADDRESS_PER_HOUR = 10;

    private final JdbcClient jdbc;

    private final Comments comments;

    private final CommentDecisions decisions;

    private final RateLimiter rateLimiter;

    private final SiteSecrets secrets;

    private final Clock clock;

    private final TransactionTemplate transaction;

    CommentReports(JdbcClient jdbc, Comments comments, CommentDecisions decisions, RateLimiter rateLimiter,
            SiteSecrets secrets, Clock clock, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.comments = comments;
        this.decisions = decisions;
        this.rateLimiter = rateLimiter;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** What became of a report. */
    public enum Outcome {
        RECEIVED, ALREADY_REPORTED, RATE_LIMITED, NOT_REPORTABLE
    }

    /**
     * A comment as the report page shows it, with the address of its article; {@code shown}: still on the article's
     * page (not held by the reports just sent).
     */
    public record Reportable(long id, String articleTitle, String articleSlug, String authorName, String body,
            boolean shown) {
    }

    /** A reported comment in the moderators' list, with its open reports. */
    public record Reported(long commentId, long articleId, String articleTitle, String authorName, String body,
            CommentStatus status, int count, Map<ReportReason, Integer> reasons, List<String> notes,
            Instant lastReportedAt) {
    }

    /**
     * The comment a report page is about: an approved one under a published article, or, right after a report,
     * one the reports have just held ({@code justReported}).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Reportable> reportable(long commentId, boolean justReported) {
        return jdbc.sql("""
                select c.id, a.title, a.slug, c.author_name, c.body, c.status = 'APPROVED' as shown from comments c
                join published_articles a on a.id = c.article_id
                where c.id = :id and c.staff_id is null
                  and (c.status = 'APPROVED' or (:justReported and c.status = 'PENDING'))""")
                .param("id", commentId)
                .param("justReported", justReported)
                .query((rs, row) -> new Reportable(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
                        rs.getString("author_name"), rs.getString("body"), rs.getBoolean("shown")))
                .optional();
    }

    /**
     * Records a reader's report; at {@link #HOLD_AT} distinct addresses the comment is held. The address's rate
     * limit is counted before the report's transaction begins (see {@link CommentSubmissions#submit}: a request
     * never holds one pooled connection while waiting for another).
     */
    public Outcome report(long commentId, ReportReason reason, String note, String clientAddress) {
        if (comments.findById(commentId).filter(CommentReports::reportable).isEmpty()) {
            return Outcome.NOT_REPORTABLE;
        }
        String reporter = secrets.keyedHash("ip-hash", clientAddress == null ? "" : clientAddress);
        if (!rateLimiter.tryAcquire("report-ip:" + reporter, PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
            return Outcome.RATE_LIMITED;
        }
        return transaction.execute(status -> record(commentId, reason, note, reporter));
    }

    private static boolean reportable(Comment comment) {
        return comment.getStatus() == CommentStatus.APPROVED && comment.getStaffId() == null;
    }

    private Outcome record(long commentId, ReportReason reason, String note, String reporter) {
        // Read again inside the transaction: a moderator may have decided in the meantime.
        Comment comment = comments.findById(commentId).filter(CommentReports::reportable).orElse(null);
        if (comment == null) {
            return Outcome.NOT_REPORTABLE;
        }
        Instant now = clock.instant();
        int added = jdbc.sql("""
                insert into comment_reports (comment_id, reason, note, reporter_key, created_at)
                values (:comment, :reason, :note, :reporter, :now)
                on conflict (comment_id, reporter_key) do nothing""")
                .param("comment", commentId)
                .param("reason", reason.name())
                .param("note", note == null ? "" : note.strip())
                .param("reporter", reporter)
                .param("now", Timestamp.from(now))
                .update();
        if (added == 0) {
            return Outcome.ALREADY_REPORTED;
        }
        if (openReports(commentId) >= HOLD_AT) {
            comment.moveTo(CommentStatus.PENDING);
            comments.save(comment);
            decisions.save(new CommentDecision(commentId, "Reader reports", CommentStatus.APPROVED,
                    CommentStatus.PENDING.name(), "Held after " + HOLD_AT + " reader reports", now));
        }
        return Outcome.RECEIVED;
    }

    /** Comments with open reports, most reported first. */
    @Transactional(readOnly = true)
    public List<Reported> open() {
        record Row(long commentId, long articleId, String title, String authorName, String body, String status,
                ReportReason reason, String note, int reports, Instant lastAt) {
        }
        List<Row> rows = jdbc.sql("""
                select c.id, c.article_id, a.title, c.author_name, c.body, c.status, r.reason, r.note,
                       count(*) over (partition by c.id) as reports,
                       max(r.created_at) over (partition by c.id) as last_at
                from comment_reports r
                join comments c on c.id = r.comment_id
                join articles a on a.id = c.article_id
                where r.resolved_at is null
                order by reports desc, last_at desc, c.id, r.created_at""")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("article_id"), rs.getString("title"),
                        rs.getString("author_name"), rs.getString("body"), rs.getString("status"),
                        ReportReason.valueOf(rs.getString("reason")), rs.getString("note"), rs.getInt("reports"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
        // One entry per comment, in the query's order, gathering its reports' reasons and notes.
        Map<Long, Reported> byComment = new LinkedHashMap<>();
        for (Row row : rows) {
            Reported reported = byComment.computeIfAbsent(row.commentId(), id -> new Reported(id, row.articleId(),
                    row.title(), row.authorName(), row.body(), CommentStatus.valueOf(row.status()), row.reports(),
                    new LinkedHashMap<>(), new ArrayList<>(), row.lastAt()));
            reported.reasons().merge(row.reason(), 1, Integer::sum);
            if (!row.note().isBlank()) {
                reported.notes().add(row.note());
            }
        }
        return List.copyOf(byComment.values());
    }

    /** How many comments have open reports (for the queue's link). */
    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("select count(distinct comment_id) from comment_reports where resolved_at is null")
                .query(Long.class).single();
    }

    /**
     * A moderator read the reports: the comment stays (or goes back) up and its reports are closed. Any other
     * decision (reject, spam, delete) closes them through {@link #resolve}.
     */
    @Transactional
    public boolean keep(long commentId, AuditLog.Actor actor) {
        Comment comment = comments.findById(commentId).orElse(null);
        if (comment == null || resolve(commentId, actor.name()) == 0) {
            return false;
        }
        CommentStatus from = comment.getStatus();
        if (from == CommentStatus.PENDING) {
            comment.moveTo(CommentStatus.APPROVED);
            comments.save(comment);
        }
        decisions.save(new CommentDecision(commentId, actor.name(), from, CommentStatus.APPROVED.name(),
                "Reports dismissed: kept", clock.instant()));
        return true;
    }

    /** Closes the open reports of a comment a moderator decided on; returns how many. */
    @Transactional
    public int resolve(long commentId, String moderator) {
        return jdbc.sql("""
                update comment_reports set resolved_at = :now, resolved_by = :by
                where comment_id = :comment and resolved_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", moderator)
                .param("comment", commentId)
                .update();
    }

    private int openReports(long commentId) {
        return jdbc.sql("select count(*) from comment_reports where comment_id = :id and resolved_at is null")
                .param("id", commentId).query(Integer.class).single();
    }
}
