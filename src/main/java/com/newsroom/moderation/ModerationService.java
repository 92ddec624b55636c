package com.newsroom.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentDecision;
import com.newsroom.comment.CommentDecisions;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.CommentRevision;
import com.newsroom.comment.CommentRevisions;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.PlainText;
import com.newsroom.web.RuleViolation;

/**
 * Moderators' decisions on comments; every one recorded with who, when, and from which status to which, on the
 * comment's own history and in the site's audit log.
 */
@Service
@Transactional
public class ModerationService {

    /** Replies written by staff have no reader email; this placeholder never reaches a page. */
    static final String STAFF_EMAIL = "staff@newsroom.invalid";

    private final Comments comments;

    private final CommentDecisions decisions;

    private final CommentRevisions revisions;

    private final JdbcClient jdbc;

    private final CommentReports reports;

    private final AuditLog audit;

    private final Clock clock;

    ModerationService(Comments comments, CommentDecisions decisions, CommentRevisions revisions, JdbcClient jdbc,
            CommentReports reports, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.comments = comments;
        this.decisions = decisions;
        this.revisions = revisions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One comment moved by a decision: enough to name it in a message and to move it back. */
    public record Change(long commentId, String authorName, CommentStatus from, CommentStatus to) {
    }

    /** What a decision did; {@link #changed()} counts the comments it moved. */
    public record Outcome(ModerationAction action, List<Change> changes) {

        public int changed() {
            return changes.size();
        }

        /** Everything moved can be moved back, except what was deleted for good. */
        public boolean undoable() {
            return action != ModerationAction.DELETE && !changes.isEmpty();
        }
    }

    /** Applies one action to each comment. Unknown ids, and comments already where the action leads, are skipped. */
    public Outcome apply(ModerationAction action, Collection<Long> commentIds, AuditLog.Actor actor) {
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        for (Comment comment : comments.findAllById(commentIds)) {
            CommentStatus from = comment.getStatus();
            if (action == ModerationAction.DELETE) {
                decisions.save(new CommentDecision(comment.getId(), actor.name(), from, "DELETED",
                        "Comment #" + comment.getId() + " by " + comment.getAuthorName() + " deleted", now));
                // Deleted: the entry names the comment but links nowhere.
                audit.record(actor, "comment.deleted", subject(comment), null, "was " + from.name().toLowerCase());
                comments.delete(comment);
                changes.add(new Change(comment.getId(), comment.getAuthorName(), from, null));
            }
            else if (from != action.target()) {
                move(comment, action.target(), actor, "", now);
                changes.add(new Change(comment.getId(), comment.getAuthorName(), from, action.target()));
            }
        }
        return new Outcome(action, changes);
    }

    /**
     * Takes back decisions just made: each comment goes back to the status it had, if it is still where the
     * decision left it (someone else may have decided again since, and their decision stands).
     */
    public int undo(Map<Long, Undo> moves, AuditLog.Actor actor) {
        Instant now = clock.instant();
        int undone = 0;
        for (Comment comment : comments.findAllById(moves.keySet())) {
            Undo undo = moves.get(comment.getId());
            if (comment.getStatus() == undo.from() && undo.back() != undo.from()) {
                move(comment, undo.back(), actor, "Undone", now);
                undone++;
            }
        }
        return undone;
    }

    /** A comment the last decision moved to {@code from}, going back to {@code back}. */
    public record Undo(CommentStatus from, CommentStatus back) {
    }

    private void move(Comment comment, CommentStatus to, AuditLog.Actor actor, String note, Instant now) {
        CommentStatus from = comment.getStatus();
        comment.moveTo(to);
        // Saved explicitly so the comment's events (published to readers) go out with the change.
        comments.save(comment);
        decisions.save(new CommentDecision(comment.getId(), actor.name(), from, to.name(), note, now));
        // A decision answers the readers' reports too.
        reports.resolve(comment.getId(), actor.name());
        audit.record(actor, "comment." + to.name().toLowerCase(), subject(comment), link(comment),
                from.name().toLowerCase() + " → " + to.name().toLowerCase() + (note.isEmpty() ? "" : " (" + note + ")"));
    }

    /** Replaces a comment's text, keeping the old text as a revision. */
    public void edit(long commentId, String newBody, AuditLog.Actor actor) {
        Comment comment = comments.findById(commentId).orElseThrow(NotFoundException::new);
        if (comment.getBody().equals(newBody)) {
            return;
        }
        Instant now = clock.instant();
        int before = comment.getBody().length();
        revisions.save(new CommentRevision(commentId, comment.getBody(), actor.name(), now));
        comment.edit(newBody, now);
        decisions.save(new CommentDecision(commentId, actor.name(), comment.getStatus(), "EDITED", "Text edited", now));
        audit.record(actor, "comment.edited", subject(comment), link(comment),
                "text edited: " + before + " → " + newBody.length() + " characters; the earlier text is kept");
    }

    /**
     * A reply from the newsroom, published at once under the comment it answers. A reply is only public under a
     * public comment: one to a comment still pending approves that comment first (the button says so), and one to
     * a comment marked spam or rejected is refused, since it would stand alone at the top of the thread answering
     * nothing a reader can see.
     */
    public long replyAsStaff(long commentId, String body, AuditLog.Actor staff) {
        Comment parent = comments.findById(commentId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        switch (parent.getStatus()) {
            case APPROVED -> {
            }
            case PENDING -> move(parent, CommentStatus.APPROVED, staff, "Approved with a staff reply", now);
            case SPAM, REJECTED -> throw new RuleViolation("body", "moderation.reply.parentHidden");
        }
        Comment reply = new Comment(parent.getArticleId(), parent.getId(), staff.name(), STAFF_EMAIL, null, body, now);
        reply.writtenByStaff(staff.staffId());
        reply.approve();
        comments.save(reply);
        decisions.save(new CommentDecision(reply.getId(), staff.name(), null, CommentStatus.APPROVED.name(),
                "Staff reply to comment #" + commentId, now));
        audit.record(staff, "comment.replied", subject(parent), link(reply), "reply #" + reply.getId());
        return reply.getId();
    }

    private String subject(Comment comment) {
        String title = jdbc.sql("select title from articles where id = :id").param("id", comment.getArticleId())
                .query(String.class).optional().orElse("?");
        return "Comment #" + comment.getId() + " by " + comment.getAuthorName() + " on “" + title + "”";
    }

    private static String link(Comment comment) {
        return "/admin/comments/" + comment.getId();
    }

    @Transactional(readOnly = true)
    public CommentDetail detail(long commentId) {
        Comment comment = comments.findById(commentId).orElseThrow(NotFoundException::new);
        var article = jdbc.sql("select title, slug from articles where id = :id").param("id", comment.getArticleId())
                .query((rs, row) -> new String[] { rs.getString("title"), rs.getString("slug") }).single();
        List<QueueRow.Reason> reasons = comment.getSignals().stream()
                .map(s -> new QueueRow.Reason(s.getRule(), s.getDetail(), s.getScore()))
                .sorted((a, b) -> Integer.compare(b.score(), a.score()))
                .toList();
        return new CommentDetail(comment.getId(), comment.getArticleId(), article[0], article[1],
                comment.getParentId(), comment.getAuthorName(), comment.getAuthorWebsite(), comment.getBody(),
                comment.getCreatedAt(), comment.getEditedAt(), comment.getStatus(), comment.getSpamScore(),
                comment.getStaffId() != null, reasons,
                decisions.findByCommentIdOrderByDecidedAtAscIdAsc(commentId).stream()
                        .map(d -> new CommentDetail.Decision(d.getActor(), d.getFromStatus(), d.getToStatus(),
                                d.getNote(), d.getDecidedAt()))
                        .toList(),
                revisions.findByCommentIdOrderByEditedAtAscIdAsc(commentId).stream()
                        .map(r -> new CommentDetail.Revision(r.getBody(), r.getEditedBy(), r.getEditedAt()))
                        .toList(),
                comment.getIpHash(), parent(comment), history(comment));
    }

    private static final int HISTORY = 20;

    /** The comment a reply answers, with its text, or null. */
    private QueueRow.Parent parent(Comment comment) {
        if (comment.getParentId() == null) {
            return null;
        }
        return comments.findById(comment.getParentId())
                .map(p -> new QueueRow.Parent(p.getId(), p.getAuthorName(), p.getBody(), p.getStatus()))
                .orElse(null);
    }

    /**
     * The commenter's other comments: under the same email or from the same address (each indexed), newest first.
     * Staff replies and purged comments share placeholder emails and are no one's history.
     */
    private List<CommentDetail.Other> history(Comment comment) {
        if (comment.getStaffId() != null || comment.getPurgedAt() != null) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.author_name, a.title, c.body, c.status, c.created_at,
                       lower(c.author_email) = lower(:email) as same_email,
                       coalesce(c.ip_hash = :ip, false) as same_address
                from comments c join articles a on a.id = c.article_id
                where c.id <> :id and c.staff_id is null and c.purged_at is null
                  and (lower(c.author_email) = lower(:email) or c.ip_hash = :ip)
                order by c.created_at desc, c.id desc limit :limit""")
                .param("id", comment.getId()).param("email", comment.getAuthorEmail())
                .param("ip", comment.getIpHash()).param("limit", HISTORY)
                .query((rs, row) -> new CommentDetail.Other(rs.getLong("id"), rs.getString("author_name"),
                        rs.getString("title"), PlainText.excerpt(rs.getString("body"), 160), CommentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("same_email"),
                        rs.getBoolean("same_address")))
                .list();
    }
}
