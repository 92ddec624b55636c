package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.comment.CommentStatus;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.QueryCounter;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Every public page costs a fixed number of SQL statements, however many articles, authors, tags and
 * comments it shows: no N+1 anywhere. Measured uncached, as the first reader after a change sees it.
 */
@IntegrationTest
class PublicPageQueryCountIntegrationTests {

    private static final List<String> PAGES = List.of("/", "/latest", "/articles/the-story",
            "/category/ai", "/tag/chips", "/author/mei-zhang", "/search?q=story", "/feed.atom", "/sitemap.xml");

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    QueryCounter queries;

    Category ai;

    Tag chips;

    Author mei;

    Article story;

    @BeforeEach
    void aSmallSite() {
        content.reset();
        ai = content.category("AI");
        content.category("Crypto");
        chips = content.tag("Chips");
        mei = content.author("Mei Zhang");
        story = content.article("The story").in(ai).tagged(chips).by(mei).published();
        content.article("A second story").in(ai).tagged(chips).by(mei)
                .publishedAt(content.now().minus(Duration.ofHours(1)));
        content.comment(story, null, "Ada", "First", CommentStatus.APPROVED);
    }

    @Test
    void pagesCostTheSameNumberOfQueriesWithTenTimesTheContent() {
        Map<String, Integer> small = measure();

        Author dan = content.author("Dan Reyes");
        for (int i = 0; i < 30; i++) {
            Tag tag = content.tag("Topic " + i);
            content.article("More story " + i).in(ai).tagged(chips, tag).by(mei, dan)
                    .publishedAt(content.now().minus(Duration.ofMinutes(10 + i)));
        }
        var parent = content.comment(story, null, "Bo", "Second", CommentStatus.APPROVED);
        for (int i = 0; i < 25; i++) {
            content.comment(story, i % 2 == 0 ? parent : null, "Reader " + i, "Comment " + i, CommentStatus.APPROVED);
        }
        Map<String, Integer> large = measure();

        assertThat(large).isEqualTo(small);
        small.forEach((page, count) -> assertThat(count).as(page).isLessThanOrEqualTo(12));
    }

    @Test
    void readerPagesAreReadOutsideAnyTransaction() {
        content.settle();
        for (String page : List.of("/", "/latest", "/articles/the-story", "/category/ai", "/tag/chips",
                "/author/mei-zhang", "/search?q=story")) {
            site.get(page);
            queries.reset();
            assertThat(site.get(page).status()).as(page).isEqualTo(200);
            assertThat(queries.count()).as(page).isPositive();
            assertThat(queries.transactions()).as("transactions for " + page).isZero();
        }
    }

    @Test
    void anArticleNeverCoveredLiveReadsNoLiveUpdates() {
        content.settle();
        site.get("/articles/the-story");
        queries.reset();

        assertThat(site.get("/articles/the-story").status()).isEqualTo(200);

        assertThat(queries.statements()).isNotEmpty().noneMatch(sql -> sql.contains("live_updates"));
    }

    /**
     * The steady cost of each page: the least of a few requests, after one that fills the short-lived
     * in-memory pieces (navigation, settings, related articles). An N+1 costs extra on every request.
     */
    private Map<String, Integer> measure() {
        content.settle();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String page : PAGES) {
            site.get(page);
            int least = Integer.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                queries.reset();
                assertThat(site.get(page).status()).as(page).isEqualTo(200);
                least = Math.min(least, queries.count());
            }
            counts.put(page, least);
        }
        return counts;
    }
}
