package com.newsroom.article;

/** What a public permalink resolves to. */
public sealed interface ArticleLookup {

    record Found(ArticlePage page) implements ArticleLookup {
    }

    /** The slug is an old one; the article now lives at {@code currentSlug}. */
    record Moved(String currentSlug) implements ArticleLookup {
    }

    record Missing() implements ArticleLookup {
    }
}
