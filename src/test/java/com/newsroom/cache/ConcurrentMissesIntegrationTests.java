package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;

/**
 * Readers who ask for a missing page while it is being rendered wait for that one render instead of each
 * rendering their own (the first views after a publish), unless what it shows changed while they waited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true",
        com.newsroom.testsupport.IntegrationTest.NO_BACKGROUND_JOBS })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        PageCacheTestConfiguration.class })
class ConcurrentMissesIntegrationTests {

    private static final String HELD = "/test/held";

    private static final int OTHERS = 5;

    @Autowired
    SiteClient site;

    @Autowired
    PageCache cache;

    @Autowired
    PageRenders renders;

    @Autowired
    PageCacheTestConfiguration.HeldPage held;

    /** Real threads: the common pool may have a single worker on a two-core machine. */
    private final ExecutorService readers = Executors.newFixedThreadPool(OTHERS + 1);

    @BeforeEach
    void nothingCached() {
        cache.invalidateAll();
    }

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void readersArrivingDuringARenderAreServedThatRender() throws Exception {
        long rendersBefore = held.renders();
        CompletableFuture<Page> first = firstReaderHeldMidRender();
        List<CompletableFuture<Page>> others = readersWaitingForTheRender();

        held.finish();

        Page rendered = first.get(30, TimeUnit.SECONDS);
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.header("X-Cache")).isEqualTo("MISS");
        for (CompletableFuture<Page> other : others) {
            Page page = other.get(30, TimeUnit.SECONDS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Cache")).isEqualTo("HIT");
            assertThat(page.body()).isEqualTo(rendered.body());
            assertThat(page.header("Cache-Control")).isEqualTo(rendered.header("Cache-Control"));
        }
        assertThat(held.renders() - rendersBefore).as("renders for %d concurrent readers", OTHERS + 1).isEqualTo(1);
    }

    @Test
    void readersWaitingWhileWhatThePageShowsChangesRenderItAgain() throws Exception {
        long rendersBefore = held.renders();
        CompletableFuture<Page> first = firstReaderHeldMidRender();
        List<CompletableFuture<Page>> others = readersWaitingForTheRender();

        cache.invalidate(List.of("held-page"));
        held.finish();

        Page rendered = first.get(30, TimeUnit.SECONDS);
        assertThat(rendered.header("Cache-Control")).isEqualTo("private, max-age=0, must-revalidate");
        for (CompletableFuture<Page> other : others) {
            Page page = other.get(30, TimeUnit.SECONDS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as("rendered after the change").isNotEqualTo(rendered.body());
        }
        assertThat(held.renders() - rendersBefore).isEqualTo(1 + OTHERS);
        assertThat(site.get(HELD).header("X-Cache")).isEqualTo("HIT");
    }

    private CompletableFuture<Page> firstReaderHeldMidRender() throws InterruptedException {
        held.holdNext();
        CompletableFuture<Page> first = CompletableFuture.supplyAsync(() -> site.get(HELD), readers);
        held.awaitRendering();
        return first;
    }

    /** Sends the other readers and returns once every one of them is waiting for the render in progress. */
    private List<CompletableFuture<Page>> readersWaitingForTheRender() throws InterruptedException {
        List<CompletableFuture<Page>> others = IntStream.range(0, OTHERS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> site.get(HELD), readers))
                .toList();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (renders.waitingFor(HELD) < OTHERS) {
            if (Instant.now().isAfter(deadline)) {
                held.finish();
                throw new AssertionError(renders.waitingFor(HELD) + " of " + OTHERS
                        + " readers waited for the render in progress; the others rendered their own");
            }
            Thread.sleep(10);
        }
        return others;
    }
}
