package com.newsroom.article;

import java.util.List;

/**
 * What the editor form hands the service once it is well-formed: tags by name (new ones are created). The meta
 * description and social image are optional (the excerpt and the hero stand in for them).
 */
public record ArticleInput(String title, String slug, String dek, String bodyMarkdown, String excerpt,
        String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<String> tagNames,
        List<Long> authorIds, boolean featured, boolean commentsOpen, String metaDescription, String socialImageUrl,
        String socialImageAlt) {

    /** Content with no meta description and no social image of its own. */
    public ArticleInput(String title, String slug, String dek, String bodyMarkdown, String excerpt,
            String heroImageUrl, String heroImageAlt, String heroImageCaption, long categoryId, List<String> tagNames,
            List<Long> authorIds, boolean featured, boolean commentsOpen) {
        this(title, slug, dek, bodyMarkdown, excerpt, heroImageUrl, heroImageAlt, heroImageCaption, categoryId,
                tagNames, authorIds, featured, commentsOpen, null, null, null);
    }

    /** The same content with this hero image (one picked from the media library, say). */
    public ArticleInput withHero(String url, String alt) {
        return new ArticleInput(title, slug, dek, bodyMarkdown, excerpt, url, alt, heroImageCaption, categoryId,
                tagNames, authorIds, featured, commentsOpen, metaDescription, socialImageUrl, socialImageAlt);
    }

    /** The same content with this social image. */
    public ArticleInput withSocialImage(String url, String alt) {
        return new ArticleInput(title, slug, dek, bodyMarkdown, excerpt, heroImageUrl, heroImageAlt, heroImageCaption,
                categoryId, tagNames, authorIds, featured, commentsOpen, metaDescription, url, alt);
    }
}
