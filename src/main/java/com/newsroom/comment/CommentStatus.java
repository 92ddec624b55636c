package com.newsroom.comment;

public enum CommentStatus {
    /** Waiting for a moderator; visible only to its writer. */
    PENDING,
    /** Shown under the article. */
    APPROVED,
    SPAM,
    REJECTED
}
