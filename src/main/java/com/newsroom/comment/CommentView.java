package com.newsroom.comment;

import java.time.Instant;
import java.util.List;

/**
 * An approved comment as readers see it: never the email address. {@code bodyHtml} is escaped text with
 * line breaks and safe links; {@code replies} are nested up to the display depth.
 */
public record CommentView(long id, String authorName, String authorWebsite, String bodyHtml, Instant createdAt,
        int depth, List<CommentView> replies) {
}
