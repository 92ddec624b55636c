package com.newsroom.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentDecision;
import com.newsroom.comment.CommentDecisions;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.CommentRevision;
import com.newsroom.comment.CommentRevisions;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.web.NotFoundException;

/** Moderators' decisions on comments; every one recorded with who, when, and from which status to which. */
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

    private final Clock clock;

    ModerationService(Comments comments, CommentDecisions decisions, CommentRevisions revisions, JdbcClient jdbc,
            CommentReports reports, Clock clock) {
        this.reports = reports;
        this.comments = comments;
        this.decisions = decisions;
        this.revisions = revisions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Applies one action to each comment; returns how many changed. Unknown ids are skipped. */
    public int apply(ModerationAction action, Collection<Long> commentIds, String actor) {
        Instant now = clock.instant();
        int changed = 0;
        for (Comment comment : comments.findAllById(commentIds)) {
            CommentStatus from = comment.getStatus();
            if (action == ModerationAction.DELETE) {
                decisions.save(new CommentDecision(comment.getId(), actor, from, "DELETED",
                        "Comment #" + comment.getId() + " by " + comment.getAuthorName() + " deleted", now));
                comments.delete(comment);
                changed++;
            }
            else if (from != action.target()) {
                comment.moveTo(action.target());
                // Saved explicitly so the comment's events (published to readers) go out with the change.
                comments.save(comment);
                decisions.save(new CommentDecision(comment.getId(), actor, from, action.target().name(), "", now));
                // A decision answers the readers' reports too.
                reports.resolve(comment.getId(), actor);
                changed++;
            }
        }
        return changed;
    }

    /** Replaces a comment's text, keeping the old text as a revision. */
    public void edit(long commentId, String newBody, String actor) {
        Comment comment = comments.findById(commentId).orElseThrow(NotFoundException::new);
        if (comment.getBody().equals(newBody)) {
            return;
        }
        Instant now = clock.instant();
        revisions.save(new CommentRevision(commentId, comment.getBody(), actor, now));
        comment.edit(newBody, now);
        decisions.save(new CommentDecision(commentId, actor, comment.getStatus(), "EDITED", "Text edited", now));
    }

    /** A reply from the newsroom, published at once under the comment it answers. */
    public long replyAsStaff(long commentId, String body, long staffId, String staffName, String actor) {
        Comment parent = comments.findById(commentId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        Comment reply = new Comment(parent.getArticleId(), parent.getId(), staffName, STAFF_EMAIL, null, body, now);
        reply.writtenByStaff(staffId);
        reply.approve();
        comments.save(reply);
        decisions.save(new CommentDecision(reply.getId(), actor, null, CommentStatus.APPROVED.name(),
                "Staff reply to comment #" + commentId, now));
        return reply.getId();
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
                        .toList());
    }
}
