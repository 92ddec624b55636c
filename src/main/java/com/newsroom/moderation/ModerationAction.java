package com.newsroom.moderation;

import com.newsroom.comment.CommentStatus;

/** What a moderator can do to a comment from the queue. */
public enum ModerationAction {

    APPROVE(CommentStatus.APPROVED), REJECT(CommentStatus.REJECTED), SPAM(CommentStatus.SPAM),
    /** Back to the pending queue, from spam or rejected (or approved, to withdraw it). */
    RESTORE(CommentStatus.PENDING),
    /** Gone for good; only the decision record remains. */
    DELETE(null);

    private final CommentStatus target;

    ModerationAction(CommentStatus target) {
        this.target = target;
    }

    CommentStatus target() {
        return target;
    }
}
