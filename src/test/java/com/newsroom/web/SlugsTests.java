package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void turnsHeadlinesIntoLowercaseAsciiWords() {
        assertThat(Slugs.from("China Explores Metaverse with Tech Giants"))
                .isEqualTo("china-explores-metaverse-with-tech-giants");
        assertThat(Slugs.from("Ünïcode & Friends — 2026!")).isEqualTo("unicode-friends-2026");
        assertThat(Slugs.from("  --Already-sluggy--  ")).isEqualTo("already-sluggy");
        assertThat(Slugs.from("日本語")).isEmpty();
    }

    @Test
    void longHeadlinesAreCutAtAWordBoundary() {
        String slug = Slugs.from("word ".repeat(40), 30);
        assertThat(slug).hasSizeLessThanOrEqualTo(30).doesNotEndWith("-").startsWith("word-word");
    }

    @Test
    void validatesTheSlugGrammar() {
        assertThat(Slugs.isValid("a-valid-slug-2")).isTrue();
        assertThat(Slugs.isValid("Upper")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
        assertThat(Slugs.isValid("../etc/passwd")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
    }
}
