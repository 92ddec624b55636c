package com.newsroom.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.newsroom.cache.PagesInvalidated;
import com.newsroom.edge.EdgeProperties.PurgeMode;

/** The purger against real HTTP servers standing in for Varnish: what they receive, and when. */
class EdgePurgerTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final List<HttpServer> servers = new ArrayList<>();

    final List<PurgeClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
        clients.forEach(PurgeClient::destroy);
    }

    @Test
    void everyConfiguredCacheReceivesOnePurgeCarryingTheChangesKeys() throws Exception {
        Cache first = cache(() -> 200);
        Cache second = cache(() -> 200);
        EdgePurger purger = purger(PurgeMode.SOFT, 4, first.uri(), second.uri());

        purger.purge(new PagesInvalidated(Set.of("article-7", "home", "site")));

        for (Cache cache : List.of(first, second)) {
            Received purge = cache.next();
            assertThat(purge.method()).isEqualTo("PURGE");
            assertThat(purge.softKeys()).containsExactlyInAnyOrder("article-7", "home", "site");
            assertThat(purge.hardKeys()).isNull();
        }
        assertThat(first.nextWithin(Duration.ofMillis(300))).isNull();
        assertThat(second.nextWithin(Duration.ofMillis(300))).isNull();
    }

    @Test
    void hardPurgesUseTheXkeyHeader() throws Exception {
        Cache cache = cache(() -> 200);
        purger(PurgeMode.HARD, 4, cache.uri()).purge(new PagesInvalidated(Set.of("tag-ai")));

        Received purge = cache.next();
        assertThat(purge.hardKeys()).isEqualTo("tag-ai");
        assertThat(purge.softKeys()).isNull();
    }

    @Test
    void theChangeNeverWaitsForTheCache() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        Cache slow = cache(() -> {
            await(answer);
            answered.set(true);
            return 200;
        });
        // A timeout longer than the cache's delay: a purge that waited would wait for the answer.
        EdgePurger purger = purger(PurgeMode.SOFT, 4, Duration.ofSeconds(30), slow.uri());

        purger.purge(new PagesInvalidated(Set.of("article-1")));

        assertThat(answered).as("purge() returned before the cache answered").isFalse();
        answer.countDown();
        assertThat(slow.next().softKeys()).containsExactly("article-1");
    }

    @Test
    void keysArrivingWhileAPurgeIsOnItsWayAreSentTogetherInTheNextOne() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        Cache slow = cache(() -> {
            await(answer);
            return 200;
        });
        EdgePurger purger = purger(PurgeMode.SOFT, 4, slow.uri());
        purger.purge(new PagesInvalidated(Set.of("article-1")));
        assertThat(slow.next().softKeys()).containsExactly("article-1");

        purger.purge(new PagesInvalidated(Set.of("article-2", "home")));
        purger.purge(new PagesInvalidated(Set.of("article-3", "home")));
        answer.countDown();

        assertThat(slow.next().softKeys()).containsExactlyInAnyOrder("article-2", "article-3", "home");
        assertThat(slow.nextWithin(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aCacheThatFailsIsAskedAgainUntilItAccepts() throws Exception {
        int[] answers = { 503, 500, 200 };
        int[] asked = { 0 };
        Cache flaky = cache(() -> answers[Math.min(asked[0]++, 2)]);
        EdgePurger purger = purger(PurgeMode.SOFT, 4, flaky.uri());

        purger.purge(new PagesInvalidated(Set.of("category-world")));

        for (int i = 0; i < 3; i++) {
            assertThat(flaky.next().softKeys()).containsExactly("category-world");
        }
        assertThat(flaky.nextWithin(Duration.ofMillis(300))).isNull();
        awaitCount("purged", 1);
        assertThat(count("retried")).isEqualTo(2);
    }

    @Test
    void aCacheThatKeepsFailingIsGivenUpAfterTheLastAttemptAndLaterChangesStillGo() throws Exception {
        boolean[] down = { true };
        Cache broken = cache(() -> down[0] ? 503 : 200);
        EdgePurger purger = purger(PurgeMode.SOFT, 3, broken.uri());

        purger.purge(new PagesInvalidated(Set.of("article-9")));
        for (int i = 0; i < 3; i++) {
            assertThat(broken.next().softKeys()).containsExactly("article-9");
        }
        awaitCount("given-up", 1);
        assertThat(broken.nextWithin(Duration.ofMillis(300))).isNull();

        down[0] = false;
        purger.purge(new PagesInvalidated(Set.of("article-10")));
        assertThat(broken.next().softKeys()).containsExactly("article-10");
    }

    @Test
    void anUnreachableCacheNeitherFailsTheChangeNorStopsTheOthers() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + freePort() + "/");
        Cache working = cache(() -> 200);
        EdgePurger purger = purger(PurgeMode.SOFT, 2, nobody, working.uri());

        purger.purge(new PagesInvalidated(Set.of("author-mei")));

        assertThat(working.next().softKeys()).containsExactly("author-mei");
        awaitCount("given-up", 1);
    }

    @Test
    void manyKeysAreSplitIntoHeadersVarnishAccepts() throws Exception {
        Cache cache = cache(() -> 200);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add("article-" + i);
        }
        purger(PurgeMode.SOFT, 4, cache.uri()).purge(new PagesInvalidated(keys));

        Set<String> received = new HashSet<>();
        while (received.size() < keys.size()) {
            Received purge = cache.next();
            assertThat(String.join(" ", purge.softKeys()).length()).isLessThanOrEqualTo(PurgeTarget.MAX_HEADER_CHARS);
            received.addAll(purge.softKeys());
        }
        assertThat(received).isEqualTo(keys);
    }

    @Test
    void everyChangeIsPurgedAgainAfterTheRepurgeDelayForAnOldPageThatWasOnItsWay() throws Exception {
        Cache cache = cache(() -> 200);
        Duration repurgeAfter = Duration.ofMillis(400);
        EdgePurger purger = purger(PurgeMode.SOFT, 4, Duration.ofSeconds(2), repurgeAfter, cache.uri());

        long changed = System.nanoTime();
        purger.purge(new PagesInvalidated(Set.of("article-4", "home")));

        assertThat(cache.next().softKeys()).containsExactlyInAnyOrder("article-4", "home");
        Received again = cache.next();
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).as("not before the delay")
                .isGreaterThanOrEqualTo(repurgeAfter);
        assertThat(again.softKeys()).containsExactlyInAnyOrder("article-4", "home");
        assertThat(cache.nextWithin(Duration.ofMillis(800))).as("twice, not more").isNull();
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedAtStartUp() {
        assertThatThrownBy(() -> purger(PurgeMode.SOFT, 4, URI.create("varnish:6081")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("varnish:6081");
    }

    // --- helpers ---

    record Received(String method, List<String> softKeys, String hardKeys) {
    }

    /** An HTTP server answering every request with the status {@code status} gives, recording each. */
    record Cache(URI uri, BlockingQueue<Received> received) {

        Received next() throws InterruptedException {
            Received next = received.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a purge within 10 s").isNotNull();
            return next;
        }

        Received nextWithin(Duration wait) throws InterruptedException {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Cache cache(IntSupplier status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var received = new LinkedBlockingQueue<Received>();
        server.createContext("/", exchange -> {
            String soft = exchange.getRequestHeaders().getFirst("xkey-softpurge");
            received.add(new Received(exchange.getRequestMethod(),
                    soft == null ? null : new CopyOnWriteArrayList<>(Arrays.asList(soft.split(" "))),
                    exchange.getRequestHeaders().getFirst("xkey")));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return new Cache(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), received);
    }

    EdgePurger purger(PurgeMode mode, int attempts, URI... urls) {
        return purger(mode, attempts, Duration.ofSeconds(2), urls);
    }

    EdgePurger purger(PurgeMode mode, int attempts, Duration timeout, URI... urls) {
        // Each change purged once: what these tests count.
        return purger(mode, attempts, timeout, Duration.ZERO, urls);
    }

    EdgePurger purger(PurgeMode mode, int attempts, Duration timeout, Duration repurgeAfter, URI... urls) {
        EdgeProperties properties = new EdgeProperties(List.of(urls), mode, timeout, attempts, Duration.ofMillis(20),
                repurgeAfter);
        PurgeClient client = new PurgeClient(properties, meters);
        clients.add(client);
        return new EdgePurger(properties, client);
    }

    double count(String result) {
        var counter = meters.find("newsroom.edge.purges").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    void awaitCount(String result, double expected) throws InterruptedException {
        for (int i = 0; i < 500 && count(result) < expected; i++) {
            Thread.sleep(20);
        }
        assertThat(count(result)).as(result).isEqualTo(expected);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
