package com.newsroom.article.web;

/**
 * What a listing page says about itself: its kind ("Category", "Tag", "Author" or none), heading,
 * description and path.
 */
record ListingHeading(String kind, String title, String description, String path) {

    static ListingHeading latest() {
        return new ListingHeading(null, "Latest news", "Every story, newest first.", "/latest");
    }

    /** Where the listing's feeds live, without the ".atom" or ".rss" extension: the site's own for "Latest". */
    public String feedPath() {
        return kind == null ? "/feed" : path + "/feed";
    }
}
