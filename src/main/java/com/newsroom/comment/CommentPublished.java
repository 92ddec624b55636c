package com.newsroom.comment;

/**
 * A comment became visible to readers: accepted as approved, approved by a moderator, or written by staff.
 * Published with the change, inside its transaction, so what listeners write commits or rolls back with it.
 *
 * @param commentId the comment now public
 * @param articleId the article it is under
 * @param parentId the comment it answers, or null at the top level
 * @param authorName the name shown with it
 * @param authorEmail who wrote it (a placeholder for staff), so nobody is told of their own reply
 * @param body its plain text
 */
public record CommentPublished(long commentId, long articleId, Long parentId, String authorName,
        String authorEmail, String body) {
}
