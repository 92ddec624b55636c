package com.newsroom.moderation;

import java.time.Instant;
import java.util.List;

import com.newsroom.comment.CommentStatus;

/** A comment in the moderation queue, with the reasons it was held. Never the commenter's email. */
public record QueueRow(long id, long articleId, String articleTitle, String articleSlug, String authorName,
        String excerpt, Instant createdAt, CommentStatus status, int spamScore, boolean reply,
        List<Reason> reasons) {

    /** A spam rule that fired, in words. */
    public record Reason(String rule, String detail, int score) {
    }
}
