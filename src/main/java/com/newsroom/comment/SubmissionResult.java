package com.newsroom.comment;

/** How a comment submission ended. */
public sealed interface SubmissionResult {

    /** Saved; {@code status} says whether it waits for a moderator (or, silently, went to spam). */
    record Accepted(long commentId, CommentStatus status) implements SubmissionResult {
    }

    /** Too many comments from this address or email in a short time; nothing saved. */
    record RateLimited() implements SubmissionResult {
    }

    /** Comments on this article are closed; nothing saved. */
    record Closed() implements SubmissionResult {
    }
}
