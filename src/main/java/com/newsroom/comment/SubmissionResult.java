package com.newsroom.comment;

/** How a comment submission ended. */
public sealed interface SubmissionResult {

    /** Saved; {@code status} says whether it waits for a moderator (or, silently, went to spam). */
    record Accepted(long commentId, CommentStatus status) implements SubmissionResult {
    }

    /**
     * Sent without the form's token, as from a kept page when the reader's browser ran no script (see
     * CommentFormSlot): nothing saved and nothing counted; the form is shown again, with a token, for the reader to
     * send once more.
     */
    record Unconfirmed() implements SubmissionResult {
    }

    /** Too many comments from this address or email in a short time; nothing saved. */
    record RateLimited() implements SubmissionResult {
    }

    /** Comments on this article are closed; nothing saved. */
    record Closed() implements SubmissionResult {
    }
}
