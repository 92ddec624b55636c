package com.newsroom.article;

import java.util.List;

/** What the editor form hands the service once it is well-formed: tags by name (new ones are created). */
public record ArticleInput(String title, String slug, String dek, String bodyMarkdown, String excerpt,
        String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<String> tagNames,
        List<Long> authorIds, boolean featured, boolean commentsOpen) {
}
