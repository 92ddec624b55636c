package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;

/**
 * Pages are rendered two at a time here (the setting), over real HTTP. A page held open by the test keeps its turn
 * until the test lets it finish, so what waits, in which order, and what never waits can be seen from outside.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.com.newsroom=INFO",
        "newsroom.cache.enabled=true", "newsroom.render.concurrency=2", "newsroom.render.max-wait=1s",
        IntegrationTest.NO_BACKGROUND_JOBS })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        RenderTurnsIntegrationTests.HeldPages.class })
class RenderTurnsIntegrationTests {

    /** A page that, once its render has begun, stays in it until the test releases it by number. */
    @RestController
    static class HeldPages {

        final List<Integer> entered = new CopyOnWriteArrayList<>();

        final Map<Integer, CountDownLatch> releases = new ConcurrentHashMap<>();

        final AtomicInteger inside = new AtomicInteger();

        final AtomicInteger mostInside = new AtomicInteger();

        @GetMapping("/held")
        String held(@RequestParam int n) throws InterruptedException {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            entered.add(n);
            try {
                release(n).await(20, TimeUnit.SECONDS);
                return "page " + n;
            }
            finally {
                inside.decrementAndGet();
            }
        }

        CountDownLatch release(int n) {
            return releases.computeIfAbsent(n, key -> new CountDownLatch(1));
        }
    }

    @Autowired
    HeldPages pages;

    @Autowired
    RenderTurns turns;

    @Autowired
    SiteClient site;

    @Autowired
    TestContent content;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();

    @BeforeEach
    void reset() {
        pages.entered.clear();
        pages.releases.clear();
        pages.mostInside.set(0);
    }

    @AfterEach
    void releaseEverything() {
        pages.releases.values().forEach(CountDownLatch::countDown);
        sent.forEach(CompletableFuture::join);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> turns.rendering() == 0);
    }

    @Test
    void noMoreThanTheConfiguredNumberOfPagesRenderAtOnce() {
        for (int n = 1; n <= 5; n++) {
            hold(n);
        }
        awaitValue("renders under way", pages.inside::get, 2);
        awaitValue("requests waiting for a turn", turns::waiting, 3);
        assertThat(pages.entered).hasSize(2);

        for (int n = 1; n <= 5; n++) {
            pages.release(n).countDown();
        }
        assertThat(sent).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(pages.entered).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(pages.mostInside.get()).isEqualTo(2);
    }

    @Test
    void waitingRequestsTakeTheirTurnsInTheOrderTheyCame() {
        hold(100);
        awaitValue("pages entered", pages.entered::size, 1);
        hold(101);
        awaitValue("pages entered", pages.entered::size, 2);
        for (int n = 1; n <= 3; n++) {
            hold(n);
            awaitValue("requests waiting for a turn", turns::waiting, n);
        }

        // Each turn given back goes to the request that has waited longest.
        pages.release(100).countDown();
        awaitValue("pages entered", pages.entered::size, 3);
        pages.release(101).countDown();
        awaitValue("pages entered", pages.entered::size, 4);
        pages.release(1).countDown();
        awaitValue("pages entered", pages.entered::size, 5);
        assertThat(pages.entered).containsExactly(100, 101, 1, 2, 3);
    }

    @Test
    void aRequestThatWaitsPastTheLimitIsToldToComeBackInTheSitesOwnWords() {
        hold(1);
        hold(2);
        awaitValue("renders under way", pages.inside::get, 2);

        long refusedBefore = turns.refused();
        SiteClient.Page refused = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/held?n=3"))
                .header("Cookie", "SESSION=reader").header("Accept", SiteClient.BROWSER_ACCEPT).GET());

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(RenderTurns.RETRY_AFTER_SECONDS));
        assertThat(refused.html().select("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("page 3");
        assertThat(pages.entered).containsExactlyInAnyOrder(1, 2);
        assertThat(turns.waiting()).isZero();
        assertThat(turns.refused()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void pagesFromMemoryStaticFilesAndHealthProbesNeverWaitForATurn() {
        content.reset();
        content.article("Kept in memory").published();
        // The publish's change notice empties the page cache when it arrives: only after that is a kept page kept.
        content.settle();
        assertThat(site.get("/").status()).isEqualTo(200);
        assertThat(site.get("/").header("X-Cache")).isEqualTo("HIT");
        hold(1);
        hold(2);
        awaitValue("renders under way", pages.inside::get, 2);

        // Each would be a 503 after a second's wait if it needed a turn.
        SiteClient.Page home = site.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("X-Cache")).isEqualTo("HIT");
        assertThat(home.html().select(".card-title").text()).contains("Kept in memory");
        assertThat(site.get("/css/site.css").status()).isEqualTo(200);
        assertThat(site.get("/readyz").status()).isEqualTo(200);
        assertThat(site.get("/livez").status()).isEqualTo(200);
        assertThat(site.get("/actuator/health/readiness").status()).isEqualTo(200);
        // A render that is not held from memory does wait: the turns really were all taken.
        assertThat(site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/latest"))
                .header("Cookie", "SESSION=reader").GET()).status()).isEqualTo(503);
    }

    /** A reader with a session (so the page cache renders for them) asks for held page {@code n}. */
    private void hold(int n) {
        pages.release(n);
        sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/held?n=" + n))
                .header("Cookie", "SESSION=reader").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static void awaitValue(String what, IntSupplier value, int expected) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(value::getAsInt, actual -> actual == expected);
    }
}
