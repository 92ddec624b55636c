package com.newsroom.article;

import java.util.List;

/**
 * The editable content of an article, as the editor (or the demo loader) hands it over. Tags and
 * authors are ids, authors in byline order.
 */
public record ArticleContent(String title, String slug, String dek, String bodyMarkdown, String excerpt,
        String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<Long> tagIds,
        List<Long> authorIds, boolean featured, boolean commentsOpen, String metaDescription, String socialImageUrl,
        String socialImageAlt) {

    /** Content with no meta description and no social image of its own. */
    public ArticleContent(String title, String slug, String dek, String bodyMarkdown, String excerpt,
            String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<Long> tagIds,
            List<Long> authorIds, boolean featured, boolean commentsOpen) {
        this(title, slug, dek, bodyMarkdown, excerpt, heroImageUrl, heroImageAlt, heroImageCaption, categoryId,
                tagIds, authorIds, featured, commentsOpen, null, null, null);
    }
}
