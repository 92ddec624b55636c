package com.newsroom.comment;

import java.time.Instant;

/** The article a comment is for, as far as commenting cares: is it open, and since when is it public. */
public record CommentTarget(long articleId, boolean commentsOpen, Instant publishedAt) {
}
