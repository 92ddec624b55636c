package com.newsroom.article;

/** An article body turned into safe HTML, with the reading time it implies. */
public record RenderedBody(String html, int readingMinutes) {
}
