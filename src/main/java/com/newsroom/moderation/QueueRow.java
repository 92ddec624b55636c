package com.newsroom.moderation;

import java.time.Instant;
import java.util.List;

import com.newsroom.comment.CommentStatus;

/** A comment in the moderation queue, with the reasons it was held. Never the commenter's email. */
public record QueueRow(long id, long articleId, String articleTitle, String articleSlug, String authorName,
        String excerpt, Instant createdAt, CommentStatus status, int spamScore, boolean reply, Parent parent,
        List<Reason> reasons) {

    /** The comment a reply answers, as the moderator needs it to judge the reply. */
    public record Parent(long id, String authorName, String excerpt, CommentStatus status) {
    }

    /** A spam rule that fired, in words. */
    public record Reason(String rule, String detail, int score) {
    }
}
