package com.newsroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class SitemapIntegrationTests {

    static final String BASE = "http://localhost:8080";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void sitemapsListExactlyThePublishedUrls() throws Exception {
        Category ai = content.category("AI");
        content.category("Empty section");
        Tag china = content.tag("China");
        content.tag("Draft-only tag");
        Author mei = content.author("Mei Zhang");
        content.author("Never published");
        Instant now = content.now();
        content.article("First story").in(ai).tagged(china).by(mei).publishedAt(now.minus(Duration.ofDays(3)));
        content.article("Second story").in(ai).published();
        content.article("A draft").in(content.category("Drafts")).tagged(content.tag("Draft only"))
                .by(content.author("Never published either")).draft();

        Set<String> listed = everyUrlInTheSitemaps();

        assertThat(listed).containsExactlyInAnyOrder(BASE + "/", BASE + "/latest", BASE + "/category/ai",
                BASE + "/tag/china", BASE + "/author/mei-zhang", BASE + "/articles/first-story",
                BASE + "/articles/second-story");
    }

    @Test
    void articleEntriesCarryTheirLastModification() throws Exception {
        Instant published = content.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Article article = content.article("Back-dated").publishedAt(published);
        Instant updated = article.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS);

        SitemapXml page = get("/sitemap-articles-1.xml");

        assertThat(page.root()).isEqualTo(Sitemaps.SITEMAP_NS + " urlset");
        assertThat(page.entries()).containsExactly(Map.entry(BASE + "/articles/back-dated", updated.toString()));
        SitemapXml index = get("/sitemap.xml");
        assertThat(index.root()).isEqualTo(Sitemaps.SITEMAP_NS + " sitemapindex");
        assertThat(index.entries()).containsEntry(BASE + "/sitemap-articles-1.xml", updated.toString());
    }

    @Test
    void newsSitemapHoldsArticlesOfTheLastTwoDays() throws Exception {
        Instant now = content.now();
        content.article("Breaking <news> & more").publishedAt(now.minus(Duration.ofHours(1)));
        content.article("Yesterday's story").publishedAt(now.minus(Duration.ofHours(47)));
        content.article("Old story").publishedAt(now.minus(Duration.ofHours(49)));
        content.article("Unpublished story").draft();

        SitemapXml news = get("/sitemap-news.xml");

        assertThat(news.entries().keySet()).containsExactly(BASE + "/articles/breaking-news-more",
                BASE + "/articles/yesterday-s-story");
        assertThat(news.texts(Sitemaps.NEWS_NS, "title")).containsExactly("Breaking <news> & more",
                "Yesterday's story");
        assertThat(news.texts(Sitemaps.NEWS_NS, "name")).containsOnly("Newsroom");
        assertThat(news.texts(Sitemaps.NEWS_NS, "language")).containsOnly("en");
        assertThat(news.texts(Sitemaps.NEWS_NS, "publication_date").get(0))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void robotsPointsAtTheSitemapsAndKeepsAdminOut() {
        var robots = site.get("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /admin",
                "Sitemap: " + BASE + "/sitemap.xml", "Sitemap: " + BASE + "/sitemap-news.xml");
    }

    @Test
    void sitemapPagesThatHoldNothingAreNotFound() {
        content.article("Only one").published();
        assertThat(site.get("/sitemap-articles-1.xml").status()).isEqualTo(200);
        assertThat(site.get("/sitemap-articles-2.xml").status()).isEqualTo(404);
        assertThat(site.get("/sitemap-articles-0.xml").status()).isEqualTo(404);
        assertThat(site.get("/sitemap-articles-99999999999999999999.xml").status()).isEqualTo(404);
        assertThat(site.get("/sitemap-tags-1.xml").status()).isEqualTo(404);
    }

    private Set<String> everyUrlInTheSitemaps() throws Exception {
        SitemapXml index = get("/sitemap.xml");
        Set<String> urls = new HashSet<>();
        for (String sitemap : index.entries().keySet()) {
            assertThat(sitemap).startsWith(BASE + "/");
            if (sitemap.endsWith("/sitemap-news.xml")) {
                continue;
            }
            urls.addAll(get(sitemap.substring(BASE.length())).entries().keySet());
        }
        return urls;
    }

    SitemapXml get(String path) throws Exception {
        var response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(path).startsWith("application/xml");
        return SitemapXml.parse(response.body());
    }
}
