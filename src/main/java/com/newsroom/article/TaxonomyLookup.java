package com.newsroom.article;

/** What a category, tag or author address resolves to, for its listing page and its feeds alike. */
public sealed interface TaxonomyLookup {

    /**
     * @param scope the listing the articles filed here are read from
     * @param id the category, tag or author
     * @param name its name, as a heading
     * @param description what it is about (a tag without one gets a stock sentence); may be blank
     * @param slug its slug, as in its address
     * @param path its listing page, e.g. {@code /category/ai}
     */
    record Found(ListingScope scope, long id, String name, String description, String slug, String path)
            implements TaxonomyLookup {
    }

    /** An old address (a renamed category): the listing now lives at {@code path}. */
    record Moved(String path) implements TaxonomyLookup {
    }

    record Missing() implements TaxonomyLookup {
    }
}
