package com.newsroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.newsroom.feed.FeedWriter.Channel;
import com.newsroom.feed.FeedWriter.Format;
import com.newsroom.site.SiteSettings;
import com.rometools.rome.feed.synd.SyndFeed;

class FeedWriterTests {

    private static final SiteSettings SITE = new SiteSettings("Newsroom", "Tagline", "About", "https://news.example",
            List.of());

    private static final FeedArticle ARTICLE = new FeedArticle(7, "Title with <angle> & ampersand", "a-story",
            "Summary.", "<p>Full <strong>body</strong> &amp; more.</p>", Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-03T03:04:05Z"), new FeedArticle.Link("AI", "ai"), List.of(), List.of());

    @Test
    void fullContentModeCarriesTheWholeArticleInAtomAndRss() throws Exception {
        for (Format format : Format.values()) {
            String xml = FeedWriter.write(format, new Channel("Newsroom", "Tagline", "/", "/feed"), List.of(ARTICLE),
                    SITE, true, ARTICLE.updatedAt());
            SyndFeed feed = FeedIntegrationTests.parse(xml);
            assertThat(feed.getEntries().get(0).getContents()).as(format.name()).hasSize(1);
            assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).as(format.name())
                    .isEqualTo("<p>Full <strong>body</strong> &amp; more.</p>");
            assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Title with <angle> & ampersand");
        }
    }

    @Test
    void excerptModeLeavesTheBodyOut() throws Exception {
        String xml = FeedWriter.write(Format.ATOM, new Channel("Newsroom", "Tagline", "/", "/feed"), List.of(ARTICLE),
                SITE, false, ARTICLE.updatedAt());
        assertThat(xml).doesNotContain("Full");
        SyndFeed feed = FeedIntegrationTests.parse(xml);
        assertThat(feed.getEntries().get(0).getContents()).isEmpty();
        assertThat(feed.getEntries().get(0).getUri()).isEqualTo("tag:news.example,2026:article:7");
        assertThat(feed.getEntries().get(0).getUpdatedDate().toInstant()).isEqualTo(ARTICLE.updatedAt());
        assertThat(feed.getEntries().get(0).getAuthors()).extracting(p -> p.getName())
                .as("an unsigned article is the publication's own").containsExactly("Newsroom");
    }
}
