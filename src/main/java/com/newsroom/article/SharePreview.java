package com.newsroom.article;

import com.newsroom.media.Picture;

/**
 * How a link to the article will look where it is shared, from the editor's fields (saved or as typed): what the
 * page's meta description, Open Graph and Twitter tags will say (see {@link ArticlePage.Sharing}). The image is
 * the library's card-sized copy when there is one, so the editor does not download the large one.
 */
public record SharePreview(String title, String description, String imageUrl, String imageAlt) {

    public static SharePreview of(String title, String dek, String body, String excerpt, String metaDescription,
            String socialImageUrl, String socialImageAlt, String heroImageUrl, String heroImageAlt) {
        ArticlePage.Sharing sharing = ArticlePage.Sharing.of(metaDescription, Excerpts.ownOrLead(excerpt, body), dek,
                socialImageUrl, socialImageAlt, heroImageUrl, heroImageAlt);
        String image = sharing.imageUrl() == null ? null
                : Picture.keyOf(sharing.imageUrl()).map(key -> "/media/" + key + "/card").orElse(sharing.imageUrl());
        return new SharePreview(title, sharing.description(), image, sharing.imageAlt());
    }
}
