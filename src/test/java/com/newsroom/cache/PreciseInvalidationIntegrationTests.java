package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationService;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;
import com.newsroom.testsupport.Visitor;

/**
 * A change empties only the pages it affects, here at once and on every instance through the database
 * notification, on which every instance announces it (once) to a cache in front.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        PageCacheTestConfiguration.class })
class PreciseInvalidationIntegrationTests {

    /** Pages showing the science section, the space tag or Ada's byline. */
    private static final List<String> SCIENCE_PAGES = List.of("/", "/latest", "/category/science", "/category/science/feed.atom", "/tag/space", "/tag/space/feed.rss", "/author/ada",
            "/author/ada/feed.atom", "/feed.atom", "/sitemap-news.xml", "/search?q=moon");

    /** Pages showing nothing of the science section, the space tag or Ada. */
    private static final List<String> SPORT_PAGES = List.of("/articles/cup-final", "/category/sport",
            "/category/sport/feed.atom", "/tag/football", "/author/bob");

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    PageCache cache;

    @Autowired
    ModerationService moderation;

    @Autowired
    ArticleEditor articles;

    @Autowired
    PageCacheTestConfiguration.AnnouncedInvalidations announced;

    @Autowired
    InstanceName instance;

    @Autowired
    PageCacheTestConfiguration.HeldPage held;

    @Autowired
    DataSource dataSource;

    Category science;

    Tag space;

    Author ada;

    Article moonLanding;

    Article lunarBase;

    @BeforeEach
    void twoUnrelatedStories() {
        content.reset();
        science = content.category("Science");
        space = content.tag("Space");
        ada = content.author("Ada");
        moonLanding = content.article("Moon landing").in(science).tagged(space).by(ada).body("Lunar module.")
                .dek("Astronauts walk on the lunar surface.").published();
        lunarBase = content.article("Lunar base").in(science).tagged(space).body("Habitats.")
                .dek("Astronauts plan a lunar base.").published();
        content.article("Cup final").in(content.category("Sport")).tagged(content.tag("Football"))
                .by(content.author("Bob")).body("Penalties decided it.").dek("Penalties after extra time.").published();
        content.settle();
        cache.invalidateAll();
        announced.clear();
    }

    @Test
    void publishingRefreshesEveryPageItAffectsAtOnceWhileUnrelatedPagesStayCached() {
        warm(SCIENCE_PAGES);
        warm(SPORT_PAGES);

        Article mars = content.article("Mars rover").in(science).tagged(space).by(ada).body("Red dust.").dek("A rover lands on Mars.")
                .published();

        // No waiting for the notification: the instance that published drops the pages as it commits.
        for (String path : SCIENCE_PAGES) {
            Page page = site.get(path);
            assertThat(page.header("X-Cache")).as(path).isEqualTo("MISS");
        }
        for (String path : SPORT_PAGES) {
            assertThat(site.get(path).header("X-Cache")).as(path).isEqualTo("HIT");
        }
        assertThat(site.get("/").html().select("a[href=/articles/mars-rover]")).isNotEmpty();
        assertThat(site.get("/category/science").html().select("a[href=/articles/mars-rover]")).isNotEmpty();
        assertThat(site.get("/feed.atom").body()).contains("Mars rover");

        content.settle();
        assertThat(announced.events()).hasSize(1);
        assertThat(announced.events().get(0).keys()).contains("article-" + mars.getId(), "home", "feed", "sitemap",
                "search", "category-science", "tag-space", "author-ada").doesNotContain("category-sport", "site");
    }

    @Test
    void editingAnArticleRefreshesThePagesListingItAsRelated() {
        warm(List.of("/articles/moon-landing", "/articles/cup-final"));
        assertThat(site.get("/articles/moon-landing").html().select("a[href=/articles/lunar-base]")).isNotEmpty();

        articles.changeSlug(lunarBase.getId(), "moon-base", Editor.SYSTEM);

        Page moon = site.get("/articles/moon-landing");
        assertThat(moon.header("X-Cache")).isEqualTo("MISS");
        assertThat(moon.html().select("a[href=/articles/moon-base]")).isNotEmpty();
        assertThat(site.get("/articles/cup-final").header("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void fiftySpamCommentsLeaveEveryPageCached() {
        warm(List.of("/", "/articles/moon-landing", "/articles/cup-final"));
        for (int i = 0; i < 50; i++) {
            Visitor spammer = site.visitor();
            String token = spammer.startWriting(spammer.get("/articles/moon-landing").html().selectFirst("form.comment-form"));
            // One address (a client cannot name another): at most five comments per ten-minute rate window.
            content.clock().advance(Duration.ofSeconds(121));
            Page sent = spammer.postWithHeaders("/articles/moon-landing/comments", Map.of("name", "Spammer " + i,
                    "email", "spam" + i + "@example.com", "website", "", "body", "Buy now", "fax", "555-0100",
                    "token", token), Map.of("Origin", site.baseUrl()));
            assertThat(sent.status()).isEqualTo(302);
        }
        assertThat(content.jdbc().sql("select count(*) from comments where status = 'SPAM'").query(Long.class)
                .single()).isEqualTo(50);
        content.settle();
        for (String path : List.of("/", "/articles/moon-landing", "/articles/cup-final")) {
            assertThat(site.get(path).header("X-Cache")).as(path).isEqualTo("HIT");
        }
        assertThat(announced.events()).isEmpty();
    }

    @Test
    void anApprovedCommentRefreshesItsArticleAndTheListsCountingItsComments() {
        Comment held = content.comment(moonLanding, null, "Grace", "Well reported.", CommentStatus.PENDING);
        content.settle();
        warm(List.of("/articles/moon-landing", "/category/science", "/articles/cup-final", "/category/sport"));
        assertThat(announced.events()).isEmpty();

        moderation.apply(ModerationAction.APPROVE, List.of(held.getId()), new AuditLog.Actor(null, "Mo"));

        assertThat(site.get("/articles/moon-landing").html().select("#comment-" + held.getId() + " .comment-body")
                .text()).isEqualTo("Well reported.");
        assertThat(site.get("/category/science").html().select(".comment-count").text()).isEqualTo("1 comment");
        assertThat(site.get("/articles/cup-final").header("X-Cache")).isEqualTo("HIT");
        assertThat(site.get("/category/sport").header("X-Cache")).isEqualTo("HIT");
        content.settle();
        assertThat(announced.events()).singleElement()
                .satisfies(event -> assertThat(event.keys()).containsExactly("article-" + moonLanding.getId()));
    }

    @Test
    void aChangeMadeByAnotherInstanceRefreshesPagesHereAndIsAnnouncedHereToo() throws SQLException {
        warm(List.of("/articles/moon-landing", "/articles/cup-final"));
        try (Connection other = otherInstance();
                PreparedStatement retitle = other.prepareStatement("update articles set title = ? where id = ?")) {
            retitle.setString(1, "Retitled elsewhere");
            retitle.setLong(2, moonLanding.getId());
            retitle.executeUpdate();
        }
        content.settle();
        assertThat(site.get("/articles/moon-landing").html().select("h1").text()).isEqualTo("Retitled elsewhere");
        assertThat(site.get("/articles/cup-final").header("X-Cache")).isEqualTo("HIT");
        // Until it heard of the change this instance could still hand the old page to a cache in front.
        assertThat(announced.events()).singleElement()
                .satisfies(event -> assertThat(event.keys()).contains("article-" + moonLanding.getId(), "home"));
    }

    @Test
    void aPageRenderedWhileAChangeToWhatItShowsCommitsGoesToItsReaderButToNoSharedCache() throws Exception {
        held.holdNext();
        CompletableFuture<Page> rendered = CompletableFuture.supplyAsync(() -> site.get("/test/held"));
        held.awaitRendering();
        try (Connection other = otherInstance();
                PreparedStatement change = other.prepareStatement("select pg_notify('content_changed', ?)")) {
            change.setString(1, "newsroom-other-instance\nheld-page");
            change.execute();
        }
        content.settle();
        held.finish();

        Page during = rendered.get(30, TimeUnit.SECONDS);
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.header("Cache-Control")).isEqualTo("private, max-age=0, must-revalidate");
        Page after = site.get("/test/held");
        assertThat(after.header("X-Cache")).as("not kept here either").isEqualTo("MISS");
        assertThat(after.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate, s-maxage=60");
        assertThat(site.get("/test/held").header("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void plainSqlRunHereIsAnnouncedHereOnce() {
        warm(List.of("/articles/moon-landing", "/articles/cup-final"));
        // As the scheduler publishes: SQL over this instance's own connections, no entity involved.
        content.jdbc().sql("update articles set title = 'Retitled by SQL' where id = ?").param(moonLanding.getId())
                .update();
        content.settle();
        assertThat(site.get("/articles/moon-landing").html().select("h1").text()).isEqualTo("Retitled by SQL");
        assertThat(site.get("/articles/cup-final").header("X-Cache")).isEqualTo("HIT");
        assertThat(announced.events()).singleElement()
                .satisfies(event -> assertThat(event.keys()).contains("article-" + moonLanding.getId(), "home"));
    }

    @Test
    void everyCachedPageNamesItsKeysOnHitAndMiss() {
        Page miss = site.get("/articles/moon-landing");
        Page hit = site.get("/articles/moon-landing");
        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(hit.header("X-Cache")).isEqualTo("HIT");
        assertThat(hit.header("Surrogate-Key")).isEqualTo(miss.header("Surrogate-Key"));
        assertThat(List.of(hit.header("Surrogate-Key").split(" "))).startsWith("site")
                .contains("article-" + moonLanding.getId(), "article-" + lunarBase.getId());
        assertThat(List.of(site.get("/category/science").header("Surrogate-Key").split(" ")))
                .contains("site", "category-science", "article-" + moonLanding.getId());
        assertThat(site.get("/feed.atom").header("Surrogate-Key")).isEqualTo("site feed");
    }

    @Test
    void afterTheDatabaseDropsItsConnectionsEveryPageIsPurgedHereAndInFrontOnceListeningResumes() throws SQLException {
        warm(List.of("/articles/moon-landing", "/category/sport"));
        // As a database restart does: every connection of this instance ends, the listener's among them.
        try (Connection other = otherInstance();
                PreparedStatement restart = other.prepareStatement("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""")) {
            restart.execute();
        }

        Awaitility.await("listening again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(announced::events, events -> !events.isEmpty());
        // Changes committed meanwhile were heard by nobody here, and perhaps by no instance at all.
        assertThat(announced.events()).singleElement()
                .satisfies(event -> assertThat(event.keys()).containsExactly(PageKeys.SITE));
        assertThat(site.get("/articles/moon-landing").header("X-Cache")).isEqualTo("MISS");
        assertThat(site.get("/category/sport").header("X-Cache")).isEqualTo("MISS");
    }

    private void warm(List<String> paths) {
        for (String path : paths) {
            site.get(path);
            assertThat(site.get(path).header("X-Cache")).as(path).isEqualTo("HIT");
        }
    }

    /** A connection as another instance of the application would hold: same database, its own name. */
    private Connection otherInstance() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "newsroom-other-instance");
        assertThat(instance.value()).isNotEqualTo("newsroom-other-instance");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
