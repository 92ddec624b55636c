package com.newsroom.site;

/** A category link in the site header. */
public record NavCategory(String name, String slug) {
}
