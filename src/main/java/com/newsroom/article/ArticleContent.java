package com.newsroom.article;

import java.util.List;

/**
 * The editable content of an article, as the editor (or the demo loader) hands it over. Tags and
 * authors are ids, authors in byline order.
 */
public record ArticleContent(String title, String slug, String dek, String bodyMarkdown, String excerpt,
        String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<Long> tagIds,
        List<Long> authorIds, boolean featured, boolean commentsOpen) {
}
