package com.newsroom.moderation;

import java.time.Instant;
import java.util.List;

import com.newsroom.comment.CommentStatus;

/** One comment as a moderator sees it: its text, why it was held, and everything decided about it. */
public record CommentDetail(long id, long articleId, String articleTitle, String articleSlug, Long parentId,
        String authorName, String authorWebsite, String body, Instant createdAt, Instant editedAt,
        CommentStatus status, int spamScore, boolean staffReply, List<QueueRow.Reason> reasons,
        List<Decision> decisions, List<Revision> revisions, String addressHash, QueueRow.Parent parent,
        List<Other> history) {

    /** Another comment from the same email or the same address, newest first. */
    public record Other(long id, String authorName, String articleTitle, String excerpt, CommentStatus status,
            Instant createdAt, boolean sameEmail, boolean sameAddress) {
    }

    public record Decision(String actor, CommentStatus from, String to, String note, Instant at) {
    }

    public record Revision(String body, String editedBy, Instant at) {
    }
}
