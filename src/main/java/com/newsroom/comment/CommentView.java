package com.newsroom.comment;

import java.time.Instant;
import java.util.List;

/**
 * A comment as readers see it: never the email address. {@code bodyHtml} is escaped text with line breaks
 * and safe links; {@code pending} marks the reader's own comment awaiting moderation (shown only to them);
 * {@code staff} marks a reply from the newsroom.
 */
public record CommentView(long id, String authorName, String authorWebsite, String bodyHtml, Instant createdAt,
        int depth, boolean pending, boolean staff, boolean canReply, List<CommentView> replies) {
}
