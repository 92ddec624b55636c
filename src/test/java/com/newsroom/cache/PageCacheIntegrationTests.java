package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationService;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;

/** Public pages served from memory stay correct: every change shows on the very next request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true",
        com.newsroom.testsupport.IntegrationTest.NO_BACKGROUND_JOBS })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        PageCacheTestConfiguration.class })
class PageCacheIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    PageCache cache;

    @Autowired
    ArticleEditor articles;

    @Autowired
    ModerationService moderation;

    Article article;

    @BeforeEach
    void aPublishedArticle() {
        content.reset();
        cache.invalidateAll();
        article = content.article("Cached story").published();
        content.settle();
    }

    /** The front page: article pages carry a one-time comment token, so no two of their responses are alike. */
    @Test
    void theSecondReaderIsServedFromMemoryWithTheSameBytesAndAnEntityTag() {
        Page first = site.get("/");
        Page second = site.get("/");
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).matches("W/\"[0-9a-f]{32}\"");
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate, s-maxage=60");
        assertThat(second.header("Last-Modified")).isNotBlank();
    }

    @Test
    void pagesFromMemoryTravelCompressed() {
        site.get("/articles/cached-story");
        Page compressed = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/articles/cached-story"))
                .header("Accept-Encoding", "gzip").GET());
        assertThat(compressed.header("X-Cache")).isEqualTo("HIT");
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void unchangedPagesAnswer304ToConditionalRequests() {
        String etag = site.get("/").header("ETag");
        Page revalidated = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/"))
                .header("If-None-Match", etag).GET());
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        Page changed = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/"))
                .header("If-None-Match", "\"something-else\"").GET());
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void publishingShowsOnTheNextRequest() {
        site.get("/");
        assertThat(site.get("/").header("X-Cache")).isEqualTo("HIT");
        content.article("Breaking news").featured().published();
        Page home = site.get("/");
        assertThat(home.header("X-Cache")).isEqualTo("MISS");
        assertThat(home.html().select(".lead-title").text()).isEqualTo("Breaking news");
    }

    @Test
    void editingShowsOnTheNextRequest() {
        site.get("/articles/cached-story");
        articles.changeSlug(article.getId(), "renamed-story", Editor.SYSTEM);
        assertThat(site.get("/articles/cached-story").status()).isEqualTo(301);
        assertThat(site.get("/articles/renamed-story").status()).isEqualTo(200);
    }

    @Test
    void approvingACommentShowsOnTheNextRequest() {
        Comment comment = content.comment(article, null, "Ada", "Now you see me", CommentStatus.PENDING);
        content.settle();
        assertThat(site.get("/articles/cached-story").html().select("#comment-" + comment.getId())).isEmpty();
        assertThat(site.get("/articles/cached-story").header("X-Cache")).isEqualTo("HIT");
        moderation.apply(ModerationAction.APPROVE, List.of(comment.getId()), new AuditLog.Actor(null, "Mo"));
        Page page = site.get("/articles/cached-story");
        assertThat(page.html().select("#comment-" + comment.getId() + " .comment-body").text())
                .isEqualTo("Now you see me");
    }

    @Test
    void changesMadeOutsideTheApplicationArriveThroughDatabaseNotifications() {
        site.get("/articles/cached-story");
        assertThat(site.get("/articles/cached-story").header("X-Cache")).isEqualTo("HIT");
        // As another instance (or an operator's SQL) would: nothing in this JVM knows about it.
        content.jdbc().sql("update articles set title = 'Retitled elsewhere' where id = ?").param(article.getId())
                .update();
        // The notification is asynchronous (and a marker of our own would empty the cache by itself): await
        // the page.
        org.awaitility.Awaitility.await("the retitled page").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> site.get("/articles/cached-story").html().select("h1").text(),
                        "Retitled elsewhere"::equals);
    }

    @Test
    void readersWithASessionStaffPagesAndErrorsAreNeverServedFromMemory() {
        site.get("/articles/cached-story");
        Page withSession = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/articles/cached-story"))
                .header("Cookie", "SESSION=abc").GET());
        assertThat(withSession.header("X-Cache")).isNull();
        site.get("/login");
        assertThat(site.get("/login").header("X-Cache")).isNull();
        site.get("/articles/missing");
        assertThat(site.get("/articles/missing").header("X-Cache")).isNull();
        assertThat(site.get("/articles/missing").status()).isEqualTo(404);
    }

    /**
     * An article page for a reader with a session is rendered for that reader, and its large kept parts (head,
     * article, comments) go out as deflate segments compressed once: each ends with a sync flush, where a page
     * compressed whole has none. What arrives is still exactly the page rendered, text beyond Latin-1 included.
     */
    @Test
    void aPageForAReaderWithASessionGoesOutWithItsKeptPartsCompressedOnceAndExactlyAsRendered() throws Exception {
        Article story = content.article("Kept parts")
                .body("<p>" + "A long paragraph — “quoted” from 東京, ".repeat(150) + "</p>").published();
        for (int i = 0; i < 5; i++) {
            content.comment(story, null, "Zoë", "A reply that runs on, ".repeat(30) + i, CommentStatus.APPROVED);
        }
        content.settle();
        HttpClient http = HttpClient.newHttpClient();

        for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> gzipped = withSession(http, "/articles/kept-parts", true);
            HttpResponse<byte[]> plain = withSession(http, "/articles/kept-parts", false);

            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            String inflated;
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                inflated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Each render carries a comment token of its own.
            assertThat(withoutToken(inflated)).isEqualTo(withoutToken(new String(plain.body(), StandardCharsets.UTF_8)))
                    .contains("from 東京", "A reply that runs on, A reply");
            assertThat(syncFlushes(gzipped.body())).as("deflate segments in the response").isGreaterThanOrEqualTo(3);
        }
    }

    private HttpResponse<byte[]> withSession(HttpClient http, String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Cookie", "SESSION=abc").GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Cache")).isEmpty();
        return response;
    }

    private static String withoutToken(String page) {
        return page.replaceAll("name=\"token\" value=\"[^\"]*\"", "name=\"token\"");
    }

    /** The empty stored block a sync flush ends with: 00 00 FF FF. */
    private static int syncFlushes(byte[] gzipped) {
        int count = 0;
        for (int at = 0; at + 4 <= gzipped.length; at++) {
            if (gzipped[at] == 0 && gzipped[at + 1] == 0 && gzipped[at + 2] == (byte) 0xff
                    && gzipped[at + 3] == (byte) 0xff) {
                count++;
            }
        }
        return count;
    }
}
