package com.newsroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.article.Article;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

@IntegrationTest
class FeedIntegrationTests {

    private static final String BASE = "http://localhost:8080";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void siteAtomFeedParsesAndHoldsOnlyPublishedArticlesNewestFirst() throws Exception {
        Instant now = content.now();
        Author mei = content.author("Mei Zhang");
        Tag china = content.tag("China");
        content.article("Older story").excerpt("The older excerpt.").by(mei).tagged(china)
                .publishedAt(now.minus(Duration.ofHours(3)));
        content.article("Newer story").excerpt("The newer excerpt.").published();
        content.article("Secret draft").draft();

        var response = site.get("/feed.atom");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
        SyndFeed feed = parse(response.body());

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Newsroom");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Newer story", "Older story");
        SyndEntry older = feed.getEntries().get(1);
        assertThat(older.getLink()).isEqualTo(BASE + "/articles/older-story");
        assertThat(older.getDescription().getValue()).isEqualTo("The older excerpt.");
        assertThat(older.getContents()).as("excerpts only by default").isEmpty();
        assertThat(older.getAuthors()).extracting(p -> p.getName() + " " + p.getUri())
                .containsExactly("Mei Zhang " + BASE + "/author/mei-zhang");
        assertThat(older.getCategories()).extracting(c -> c.getName()).contains("China");
        assertThat(feed.getLinks()).anyMatch(l -> "self".equals(l.getRel()) && l.getHref().equals(BASE + "/feed.atom"));
        assertThat(response.body()).doesNotContain("Secret draft");
    }

    @Test
    void rssFeedParsesAsRss2WithTheSameArticles() throws Exception {
        content.article("Only story").excerpt("An excerpt.").published();
        content.article("Unpublished story").draft();

        var response = site.get("/feed.rss");
        assertThat(response.header("Content-Type")).isEqualTo("application/rss+xml;charset=UTF-8");
        SyndFeed feed = parse(response.body());

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLink()).isEqualTo(BASE + "/");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Only story");
        assertThat(feed.getEntries().get(0).getDescription().getValue()).isEqualTo("An excerpt.");
        assertThat(feed.getEntries().get(0).getPublishedDate()).isNotNull();
    }

    @Test
    void entriesCarryPublicationAndUpdateTimesAndTheFeedItsNewestUpdate() throws Exception {
        Instant now = content.now().truncatedTo(ChronoUnit.SECONDS);
        Instant published = now.minus(Duration.ofDays(2));
        // Written now but back-dated: updated (now) is later than published.
        content.article("Back-dated story").publishedAt(published);
        Instant fresh = now.minus(Duration.ofHours(1));
        content.article("Fresh story").publishedAt(fresh);

        SyndFeed feed = parse(site.get("/feed.atom").body());

        SyndEntry backDated = feed.getEntries().get(1);
        assertThat(backDated.getTitle()).isEqualTo("Back-dated story");
        assertThat(backDated.getPublishedDate().toInstant()).isEqualTo(published);
        assertThat(backDated.getUpdatedDate().toInstant()).isAfterOrEqualTo(now);
        Instant newestUpdate = feed.getEntries().stream().map(e -> e.getUpdatedDate().toInstant())
                .max(Instant::compareTo).orElseThrow();
        assertThat(feed.getPublishedDate().toInstant()).isEqualTo(newestUpdate);
    }

    @Test
    void unchangedFeedAnswersNotModifiedAndAChangedOneDoesNot() {
        content.article("A story").published();
        Article second = content.article("Another story").publishedAt(content.now().minus(Duration.ofHours(1)));
        var first = site.get("/feed.atom");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Last-Modified")).isNotBlank();

        assertThat(conditional("/feed.atom", etag).status()).isEqualTo(304);

        // Withdrawing an older article moves no date, but the feed is different.
        jdbc.sql("update articles set status = 'ARCHIVED' where id = :id").param("id", second.getId()).update();
        var changed = conditional("/feed.atom", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain("Another story");
    }

    private SiteClient.Page conditional(String path, String etag) {
        return site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).header("If-None-Match", etag).GET());
    }

    @Test
    void categoryTagAndAuthorFeedsHoldOnlyTheirPublishedArticles() throws Exception {
        Category ai = content.category("AI");
        Category crypto = content.category("Crypto");
        Tag china = content.tag("China");
        Author mei = content.author("Mei Zhang");
        content.article("AI story by Mei").in(ai).by(mei).published();
        content.article("Crypto story tagged China").in(crypto).tagged(china).published();
        content.article("AI draft tagged China by Mei").in(ai).tagged(china).by(mei).draft();

        for (String format : List.of("atom", "rss")) {
            assertThat(titles("/category/ai/feed." + format)).containsExactly("AI story by Mei");
            assertThat(titles("/category/crypto/feed." + format)).containsExactly("Crypto story tagged China");
            assertThat(titles("/tag/china/feed." + format)).containsExactly("Crypto story tagged China");
            assertThat(titles("/author/mei-zhang/feed." + format)).containsExactly("AI story by Mei");
        }
        SyndFeed category = parse(site.get("/category/ai/feed.atom").body());
        assertThat(category.getTitle()).isEqualTo("AI — Newsroom");
        assertThat(category.getLinks()).anyMatch(l -> "alternate".equals(l.getRel())
                && l.getHref().equals(BASE + "/category/ai"));

        assertThat(site.get("/category/nope/feed.atom").status()).isEqualTo(404);
        assertThat(site.get("/tag/nope/feed.rss").status()).isEqualTo(404);
        assertThat(site.get("/author/nope/feed.atom").status()).isEqualTo(404);
        assertThat(site.get("/feed.json").status()).isEqualTo(404);
    }

    @Test
    void emptyFeedIsStillValid() throws Exception {
        SyndFeed feed = parse(site.get("/feed.atom").body());
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getPublishedDate()).isNotNull();
    }

    @Test
    void homeAndListingPagesAdvertiseTheirFeeds() {
        content.category("AI");
        content.tag("China");
        content.author("Mei Zhang");
        assertFeedLinks("/", "/feed");
        assertFeedLinks("/latest", "/feed");
        assertFeedLinks("/category/ai", "/category/ai/feed");
        assertFeedLinks("/tag/china", "/tag/china/feed");
        assertFeedLinks("/author/mei-zhang", "/author/mei-zhang/feed");
    }

    private void assertFeedLinks(String page, String feedPath) {
        Document html = site.get(page).html();
        assertThat(html.select("head link[rel=alternate][type=application/atom+xml]").attr("href")).as(page)
                .isEqualTo(BASE + feedPath + ".atom");
        assertThat(html.select("head link[rel=alternate][type=application/rss+xml]").attr("href")).as(page)
                .isEqualTo(BASE + feedPath + ".rss");
        assertThat(site.get(feedPath + ".atom").status()).as(feedPath).isEqualTo(200);
        assertThat(site.get(feedPath + ".rss").status()).as(feedPath).isEqualTo(200);
    }

    private List<String> titles(String path) throws Exception {
        var response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return parse(response.body()).getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }
}
