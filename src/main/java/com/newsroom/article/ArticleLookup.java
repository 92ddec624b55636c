package com.newsroom.article;

/** What a public permalink resolves to. */
public sealed interface ArticleLookup {

    /**
     * @param liveCoverage whether the article is or was covered live: only then has its page live updates to read
     */
    record Found(ArticlePage page, boolean liveCoverage) implements ArticleLookup {
    }

    /** The slug is an old one; the article now lives at {@code currentSlug}. */
    record Moved(String currentSlug) implements ArticleLookup {
    }

    record Missing() implements ArticleLookup {
    }
}
