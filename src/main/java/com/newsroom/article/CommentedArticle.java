package com.newsroom.article;

import java.time.Instant;

/**
 * What taking a comment in needs of its article: which one, its current slug (for the way back to its page), and
 * whether it takes comments. Read in one short statement, without the page, its related articles or metadata: most
 * comments sent are accepted and answered with a redirect, so the page itself is read only to show a refused one again.
 */
public record CommentedArticle(long id, String slug, boolean commentsOpen, Instant publishedAt) {
}
