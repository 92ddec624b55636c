package com.newsroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.newsroom.comment.CommentThreads;
import com.newsroom.testsupport.Browser;

/**
 * Two instances of the packaged application behind one Varnish, as {@code .ci/edge-cluster} (and
 * {@code bench/edge.sh}) start them on this machine: Debian's varnish with the project's VCL, two JVMs on
 * one PostgreSQL database. {@code ./mvnw verify} runs it as an integration test between that script's start and
 * stop; surefire leaves it out (see the pom). It finds the cluster through {@link EdgeClusterSettings}.
 * Instance A is where editors work; the moderator and some readers use B; readers go through Varnish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesBehindVarnishIntegrationTests {

    static final String VARNISH = EdgeClusterSettings.required("NEWSROOM_EDGE_VARNISH");

    static final String A = EdgeClusterSettings.required("NEWSROOM_EDGE_INSTANCE_A");

    static final String B = EdgeClusterSettings.required("NEWSROOM_EDGE_INSTANCE_B");

    static final String JDBC = EdgeClusterSettings.required("NEWSROOM_EDGE_JDBC");

    static final String ADMIN_PASSWORD = EdgeClusterSettings.required("NEWSROOM_EDGE_ADMIN_PASSWORD");

    /** What "at once" means through an asynchronous purge: the change is visible within this. */
    static final Duration AT_ONCE = Duration.ofSeconds(1);

    static ClusterPerson editor;

    /** Readers without cookies, whose pages Varnish may cache; one client shared by every reader thread. */
    static final ClusterPerson READER = ClusterPerson.anonymous();

    @BeforeAll
    static void anEditorSignedInOnA() {
        editor = ClusterPerson.withCookies();
        editor.signIn(A, "admin", ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void anEditOnInstanceAIsPurgedFromVarnishAtOnceWhileAnUnrelatedPageStaysCached() {
        List<String[]> pair = query("""
                select x.id, x.slug, y.slug from articles x join articles y
                  on y.primary_category_id <> x.primary_category_id and y.status = 'PUBLISHED'
                where x.status = 'PUBLISHED'
                  and not exists (select 1 from article_tags p join article_tags q on q.tag_id = p.tag_id
                                  where p.article_id = x.id and q.article_id = y.id)
                order by x.published_at, y.published_at limit 1""");
        long id = Long.parseLong(pair.get(0)[0]);
        String edited = "/articles/" + pair.get(0)[1];
        String unrelated = "/articles/" + pair.get(0)[2];
        ClusterPerson reader = ClusterPerson.anonymous();
        reader.get(VARNISH, edited);
        reader.get(VARNISH, unrelated);
        assertThat(reader.get(VARNISH, edited).headers().firstValue("X-Cache")).contains("HIT");
        HttpResponse<String> before = reader.get(VARNISH, unrelated);
        assertThat(before.headers().firstValue("X-Cache")).contains("HIT");

        String title = "Edited on instance A " + UUID.randomUUID();
        saveTitle(id, title);

        Duration took = untilVisible(reader, edited, body -> body.contains(title));
        assertThat(took).as("edit visible through Varnish").isLessThanOrEqualTo(AT_ONCE);
        HttpResponse<String> after = reader.get(VARNISH, unrelated);
        assertThat(after.headers().firstValue("X-Cache")).as("the unrelated page stays cached").contains("HIT");
        // The same stored page, byte for byte: the comment form's token is fetched only by readers who write.
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    @Order(2)
    void aStaffSessionSignedInThroughInstanceAWorksOnInstanceBAndThroughVarnish() {
        ClusterPerson staff = ClusterPerson.withCookies();
        staff.signIn(A, "admin", ADMIN_PASSWORD);

        HttpResponse<String> onB = staff.get(B, "/admin");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("/logout");
        HttpResponse<String> throughVarnish = staff.get(VARNISH, "/admin");
        assertThat(throughVarnish.statusCode()).isEqualTo(200);
        assertThat(throughVarnish.headers().firstValue("X-Cache")).contains("PASS");
        assertThat(ClusterPerson.anonymous().get(B, "/admin").statusCode()).as("without the session").isEqualTo(302);
    }

    @Test
    @Order(3)
    void theCommentRateLimitCountsAcrossBothInstances() {
        String slug = query("select slug from articles where status = 'PUBLISHED' and comments_open "
                + "order by id limit 1").get(0)[0];
        String email = "limit-" + UUID.randomUUID() + "@example.org";
        List<Integer> statuses = new ArrayList<>();
        // newsroom.comments.rate-per-email is 5 (the default) on both instances.
        for (int i = 0; i < 7; i++) {
            String instance = i % 2 == 0 ? A : B;
            statuses.add(comment(ClusterPerson.anonymous(), instance, slug, email, "Counted " + i + " " + email).status());
        }
        assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 429, 429);
        assertThat(count("select count(*) from comments where author_email = ?", email)).isEqualTo(5);
    }

    @Test
    @Order(4)
    void aScheduledArticleIsPublishedExactlyOnceAndShowsThroughVarnishAtOnce() {
        ClusterPerson reader = ClusterPerson.anonymous();
        reader.get(VARNISH, "/");
        Scheduled scheduled = schedule("Scheduled across two instances " + UUID.randomUUID(), Duration.ofSeconds(2));
        Published published = awaitPublished(scheduled);
        Duration took = untilVisible(reader, "/", body -> body.contains(scheduled.slug()), published.at());
        assertThat(took).as("publish visible on the home page through Varnish").isLessThanOrEqualTo(AT_ONCE);
        assertThat(reader.get(VARNISH, "/articles/" + scheduled.slug()).statusCode()).isEqualTo(200);
        // Both instances poll every second; give the other one a few more ticks to publish it again.
        sleep(Duration.ofSeconds(3));
        assertThat(count("select count(*) from audit_log where action = 'article.published' and detail = ?",
                "/articles/" + scheduled.slug() + " (scheduled)")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void anApprovedCommentShowsThroughVarnishAtOnce() {
        String slug = query("select slug from articles where status = 'PUBLISHED' and comments_open "
                + "order by id desc limit 1").get(0)[0];
        ClusterPerson reader = ClusterPerson.anonymous();
        reader.get(VARNISH, "/articles/" + slug);
        String marker = "approved-" + UUID.randomUUID();
        Posted posted = comment(reader, VARNISH, slug, marker + "@example.org", "Worth reading " + marker);
        assertThat(posted.status()).isEqualTo(302);
        long id = Long.parseLong(query("select id from comments where body like ?", "%" + marker + "%").get(0)[0]);

        ClusterPerson moderator = ClusterPerson.withCookies();
        moderator.signIn(B, "admin", ADMIN_PASSWORD);
        Instant approved = approve(moderator, id);
        Duration took = untilVisible(reader, "/articles/" + slug, body -> body.contains(marker), approved);
        assertThat(took).isLessThanOrEqualTo(AT_ONCE);
    }

    /** The seeded article with 2,000 comments: its thread has about 30 pages, and a new comment goes on the last. */
    @Test
    @Order(6)
    void anApprovedCommentDeepInALongThreadShowsThroughVarnishOnItsOwnPageAtOnce() {
        String slug = "article-with-2000-comments";
        ClusterPerson moderator = ClusterPerson.withCookies();
        moderator.signIn(B, "admin", ADMIN_PASSWORD);
        ClusterPerson reader = ClusterPerson.anonymous();
        // The last page must exist and be cached before the approval: a filler first if the last one is full.
        while (approvedTopLevel(slug) % CommentThreads.PAGE_SIZE == 0) {
            String filler = "filler-" + UUID.randomUUID();
            assertThat(comment(reader, VARNISH, slug, filler + "@example.org", "Filler " + filler).status())
                    .isEqualTo(302);
            approve(moderator, Long.parseLong(query("select id from comments where body like ?", "%" + filler).get(0)[0]));
        }
        String lastPage = "/articles/" + slug + "?comments=" + (approvedTopLevel(slug) / CommentThreads.PAGE_SIZE + 1);
        reader.get(VARNISH, lastPage);
        assertThat(reader.get(VARNISH, lastPage).headers().firstValue("X-Cache")).contains("HIT");

        String marker = "deep-" + UUID.randomUUID();
        assertThat(comment(reader, VARNISH, slug, marker + "@example.org", "Late to this " + marker).status())
                .isEqualTo(302);
        long id = Long.parseLong(query("select id from comments where body like ?", "%" + marker).get(0)[0]);
        Instant approved = approve(moderator, id);
        Duration took = untilVisible(reader, lastPage, body -> body.contains(marker), approved);
        assertThat(took).isLessThanOrEqualTo(AT_ONCE);
        assertThat(reader.get(VARNISH, "/comments/" + id).headers().firstValue("Location")).as("its own address")
                .hasValueSatisfying(location -> assertThat(location).endsWith(lastPage + "#comment-" + id));
    }

    private static long approvedTopLevel(String slug) {
        return count("select count(*) from comments c join articles a on a.id = c.article_id "
                + "where a.slug = ? and c.status = 'APPROVED' and c.parent_id is null", slug);
    }

    @Test
    @Order(7)
    void aCommentersThanksPassesVarnishOnceWhileEveryoneElseGetsTheCachedPage() {
        // An article no earlier check read through Varnish, so its copy is fresh (not near its s-maxage), once the
        // earlier checks' second purges (newsroom.edge.repurge-after) have landed: one may name a page it lists.
        sleep(Duration.ofSeconds(1));
        String slug = query("select slug from articles where status = 'PUBLISHED' and comments_open "
                + "order by id desc limit 1 offset 2").get(0)[0];
        String path = "/articles/" + slug;
        READER.get(VARNISH, path);
        assertThat(READER.get(VARNISH, path).headers().firstValue("X-Cache")).contains("HIT");
        ClusterPerson bot = ClusterPerson.withCookies();
        Document article = bot.startWriting(VARNISH, bot.page(VARNISH, path));
        // The honeypot filled: marked as spam, so nothing but the notice cookie comes back (no session).
        HttpResponse<String> sent = bot.submit(VARNISH, article, "form.comment-form", Map.of("body", "Cheap pills",
                "name", "Cluster bot", "email", "bot-" + UUID.randomUUID() + "@example.org", "fax", "555-0100"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));

        HttpResponse<String> thanked = bot.get(VARNISH, path);
        assertThat(thanked.headers().firstValue("X-Cache")).contains("PASS");
        assertThat(thanked.body()).contains("Your comment is awaiting moderation");
        HttpResponse<String> later = bot.get(VARNISH, path);
        assertThat(later.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(later.body()).doesNotContain("Your comment is awaiting moderation");
    }

    /**
     * Varnish keeps one copy of an article for every reader: viewing it costs the instances nothing. The comment
     * form's token is fetched by the page's script once a reader starts writing, here in a real browser.
     */
    @Test
    @Order(8)
    void aKeptArticleCostsTheInstancesNothingPerViewAndItsFormFetchesATokenWhenAReaderWrites() {
        String slug = query("select slug from articles where status = 'PUBLISHED' and comments_open "
                + "order by id desc limit 1 offset 1").get(0)[0];
        String path = "/articles/" + slug;
        READER.get(VARNISH, path);
        long before = backendRequests();
        for (int i = 0; i < 20; i++) {
            assertThat(READER.get(VARNISH, path).headers().firstValue("X-Cache")).contains("HIT");
        }
        assertThat(backendRequests()).as("requests Varnish sent the instances for 20 views").isEqualTo(before);

        String marker = "browser-" + UUID.randomUUID();
        WebDriver browser = Browser.start();
        try {
            browser.get(VARNISH + path);
            WebElement token = browser.findElement(By.cssSelector("form.comment-form input[name=token]"));
            assertThat(token.getDomAttribute("value")).as("as kept by Varnish").isEmpty();
            browser.findElement(By.id("comment-body")).sendKeys("Written in a browser " + marker);
            browser.findElement(By.id("comment-name")).sendKeys("Browser reader");
            browser.findElement(By.id("comment-email")).sendKeys(marker + "@example.org");
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !token.getDomProperty("value").isEmpty());
            Browser.click(browser, By.cssSelector("form.comment-form button[type=submit]"));
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> driver.getPageSource().contains("Your comment is awaiting moderation"));
        }
        finally {
            browser.quit();
        }
        assertThat(count("select count(*) from comments where body like ?", "%" + marker)).isEqualTo(1);
        assertThat(query("select s.rule from comment_signals s join comments c on c.id = s.comment_id "
                + "where c.body like ?", "%" + marker).stream().map(row -> row[0]))
                .as("the token fetched was good").doesNotContain("FORM_TOKEN");
    }

    /** Requests Varnish has sent to the instances since it started (health probes not included). */
    static long backendRequests() {
        String stat = run("varnishstat", "-n", EdgeClusterSettings.required("NEWSROOM_EDGE_VARNISH_DIR"), "-1",
                "-f", "MAIN.backend_req");
        return Long.parseLong(stat.trim().split("\\s+")[1]);
    }

    @Test
    @Order(9)
    void purgesFromAnyAddressButTheApplicationsAreRefused() throws IOException {
        // 127.0.0.2 is this machine too, but not in the ACL (which lists the instances' address only).
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            URI varnish = URI.create(VARNISH);
            socket.connect(new InetSocketAddress(varnish.getHost(), varnish.getPort()), 2000);
            OutputStream out = socket.getOutputStream();
            out.write("PURGE / HTTP/1.1\r\nHost: news\r\nxkey: site\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 403");
        }
    }

    @Test
    @Order(10)
    void anInstanceThatCannotReachPostgresqlGetsNoTrafficUntilItCanAgain() {
        String proxy = EdgeClusterSettings.required("NEWSROOM_EDGE_PROXY_PID");
        signal("USR1", proxy);
        try {
            awaitBackend("instance_b", "sick");
            assertThat(READER.get(B, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // A session is passed to an instance every time: round-robin would give B every other one.
                statuses.add(READER.get(VARNISH, "/latest?reader=" + i, "Cookie", "SESSION=outage").statusCode());
            }
            assertThat(statuses).containsOnly(200);
        }
        finally {
            signal("USR2", proxy);
        }
        awaitBackend("instance_b", "healthy");
        assertThat(READER.get(B, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    /**
     * Readers on cached and uncached pages, commenters, a moderator deciding on B, an editor saving on A
     * every few seconds and scheduled publishes falling due, for NEWSROOM_EDGE_SOAK (ISO duration)
     * after a warm-up of the same mix.
     */
    @Test
    @Order(11)
    void aMixedSoakAcrossBothInstancesLosesNothingAndShowsEveryChangeAtOnce() throws Exception {
        Duration length = Duration.parse(EdgeClusterSettings.optional("NEWSROOM_EDGE_SOAK").orElse("PT40S"));
        Instant start = Instant.now();
        Soak soak = new Soak(start.plus(Soak.WARM_UP), start.plus(Soak.WARM_UP).plus(length));
        List<String> articles = query("select slug from articles where status = 'PUBLISHED' order by random() limit 200")
                .stream().map(row -> "/articles/" + row[0]).toList();
        List<String> listings = new ArrayList<>(List.of("/", "/latest", "/feed.atom", "/sitemap.xml"));
        query("select slug from categories order by position limit 8").forEach(r -> listings.add("/category/" + r[0]));
        query("select slug from tags order by id limit 8").forEach(r -> listings.add("/tag/" + r[0]));
        String edited = query("select id, slug from articles where status = 'PUBLISHED' order by id desc limit 1 offset 3")
                .stream().map(r -> r[0] + " " + r[1]).findFirst().orElseThrow();
        long[] pids = Arrays.stream(EdgeClusterSettings.required("NEWSROOM_EDGE_PIDS").trim().split("\\s+"))
                .mapToLong(Long::parseLong).toArray();

        ExecutorService workers = Executors.newFixedThreadPool(10);
        for (int i = 0; i < 4; i++) {
            workers.submit(soak.worker("reader", () -> {
                String path = ThreadLocalRandom.current().nextInt(3) == 0
                        ? listings.get(ThreadLocalRandom.current().nextInt(listings.size()))
                        : articles.get(ThreadLocalRandom.current().nextInt(articles.size()));
                // One read in five carries a session: Varnish passes it, an instance renders it.
                boolean session = ThreadLocalRandom.current().nextInt(5) == 0;
                HttpResponse<String> response = session
                        ? READER.get(VARNISH, path, "Cookie", "SESSION=soak-reader")
                        : READER.get(VARNISH, path, "Accept-Encoding", "identity");
                soak.served(response.statusCode(), path);
            }, Duration.ZERO));
        }
        for (int i = 0; i < 2; i++) {
            workers.submit(soak.worker("commenter", () -> {
                String slug = articles.get(ThreadLocalRandom.current().nextInt(articles.size())).substring(10);
                String marker = "soak-" + UUID.randomUUID();
                Posted posted = comment(READER, VARNISH, slug, marker + "@example.org",
                        "A thought on this story, " + marker);
                soak.served(posted.status(), "comment");
                if (posted.status() == 302) {
                    soak.accepted.add(marker);
                }
            }, Duration.ofMillis(300)));
        }
        ClusterPerson moderator = ClusterPerson.withCookies();
        moderator.signIn(B, "admin", ADMIN_PASSWORD);
        workers.submit(soak.worker("moderator", () -> {
            for (String[] row : query("""
                    select c.id, a.slug, substring(c.body from 'soak-[0-9a-f-]+') from comments c
                    join articles a on a.id = c.article_id
                    where c.status = 'PENDING' and c.body like '%soak-%' order by c.id limit 2""")) {
                Instant approved = approve(moderator, Long.parseLong(row[0]));
                // Where the comment's own address leads: in a long thread, a later page than the first.
                String shownOn = READER.get(VARNISH, "/comments/" + row[0]).headers().firstValue("Location")
                        .map(location -> URI.create(location).getRawPath()
                                + Optional.ofNullable(URI.create(location).getRawQuery()).map(q -> "?" + q).orElse(""))
                        .orElseThrow(() -> new AssertionError("/comments/" + row[0] + " led nowhere"));
                soak.change("approval", untilVisible(READER, shownOn, body -> body.contains(row[2]), approved));
            }
        }, Duration.ofSeconds(2)));
        AtomicInteger edits = new AtomicInteger();
        workers.submit(soak.worker("editor", () -> {
            String title = "Soak edit " + edits.incrementAndGet() + " " + UUID.randomUUID();
            Instant saved = saveTitle(Long.parseLong(edited.split(" ")[0]), title);
            soak.change("edit", untilVisible(READER, "/articles/" + edited.split(" ")[1],
                    body -> body.contains(title), saved));
        }, Duration.ofSeconds(3)));
        // The same editor's session as the edits, used by both workers at once, as an editor with two tabs does.
        workers.submit(soak.worker("scheduler", () -> {
            Scheduled scheduled = schedule("Soak schedule " + UUID.randomUUID(), Duration.ofSeconds(2));
            Published published = awaitPublished(scheduled);
            soak.change("publish", untilVisible(READER, "/",
                    body -> body.contains(scheduled.slug()), published.at()));
            soak.scheduled.add(scheduled.slug());
        }, Duration.ofSeconds(5)));

        List<long[]> rss = new ArrayList<>();
        while (Instant.now().isBefore(soak.until)) {
            rss.add(Arrays.stream(pids).map(TwoInstancesBehindVarnishIntegrationTests::residentKilobytes).toArray());
            sleep(Duration.ofSeconds(2));
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        sleep(Duration.ofSeconds(3));

        Map<String, String> stored = new HashMap<>();
        query("select substring(body from 'soak-[0-9a-f-]{36}'), count(*) from comments where body like '%soak-%' group by 1")
                .forEach(row -> stored.put(row[0], row[1]));
        List<String> storedOnceProblems = soak.accepted.stream().filter(marker -> !"1".equals(stored.get(marker)))
                .map(marker -> marker + " stored " + stored.getOrDefault(marker, "0") + " times").toList();
        List<String> publishedOnceProblems = new ArrayList<>();
        for (String slug : soak.scheduled) {
            long published = count("select count(*) from audit_log where action = 'article.published' and detail = ?",
                    "/articles/" + slug + " (scheduled)");
            if (published != 1) {
                publishedOnceProblems.add(slug + " published " + published + " times");
            }
        }
        String report = soak.report(length, rss, pids);
        System.out.println(report);
        Optional<String> reportFile = EdgeClusterSettings.optional("NEWSROOM_EDGE_REPORT");
        if (reportFile.isPresent()) {
            Files.writeString(Path.of(reportFile.get()), report);
        }

        assertThat(soak.problems).as("failures during the soak").isEmpty();
        assertThat(soak.serverErrors.get()).as("5xx answers").isZero();
        assertThat(soak.accepted).as("accepted comments").isNotEmpty();
        assertThat(storedOnceProblems).as("every accepted comment stored exactly once").isEmpty();
        assertThat(publishedOnceProblems).as("every scheduled article published exactly once").isEmpty();
        assertThat(soak.slowest("publish")).as("slowest publish through Varnish").isLessThanOrEqualTo(AT_ONCE);
        assertThat(soak.slowest("edit")).as("slowest edit through Varnish").isLessThanOrEqualTo(AT_ONCE);
        assertThat(soak.slowest("approval")).as("slowest approval through Varnish").isLessThanOrEqualTo(AT_ONCE);
        assertThat(soak.count("publish")).as("scheduled publishes seen").isPositive();
        for (String kind : List.of("edit", "approval", "publish")) {
            // Not timed while the instances warm up, but never lost: untilVisible gives up after 10 s.
            assertThat(soak.slowest(kind + Soak.WARMING_UP)).as("slowest " + kind + " during the warm-up")
                    .isLessThan(Duration.ofSeconds(10));
        }
        for (int i = 0; i < pids.length; i++) {
            assertThat(soak.rssGrowth(rss, i)).as("resident memory growth over the second half, instance " + i)
                    .isLessThanOrEqualTo(0.10);
        }
    }

    /** Last: stops both instances. */
    @Test
    @Order(12)
    void whenEveryInstanceIsDownVarnishKeepsServingTheLastGoodPages() {
        String home = READER.get(VARNISH, "/").body();
        assertThat(READER.get(VARNISH, "/").headers().firstValue("X-Cache")).contains("HIT");
        String keys = READER.get(A, "/").headers().firstValue("Surrogate-Key").orElseThrow();
        // While an instance is ready, an expired page is fetched afresh, never served stale.
        assertThat(purge("xkey-softpurge", keys)).isEqualTo(200);
        HttpResponse<String> fetched = READER.get(VARNISH, "/");
        assertThat(fetched.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(fetched.body()).as("the page Varnish held was the current one").isEqualTo(home);

        for (String pid : EdgeClusterSettings.required("NEWSROOM_EDGE_PIDS").trim().split("\\s+")) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
                process.destroy();
                process.onExit().join();
            });
        }
        awaitBackend("instance_a", "sick");
        awaitBackend("instance_b", "sick");
        assertThat(purge("xkey-softpurge", keys)).isEqualTo(200);
        HttpResponse<String> stale = READER.get(VARNISH, "/");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).as("the last good page").isEqualTo(fetched.body());
        assertThat(READER.get(VARNISH, "/never-cached-" + UUID.randomUUID()).statusCode()).isEqualTo(503);
    }

    // --- what the people in these tests do ---

    /** A purge from this machine's own address, which the ACL admits. */
    static int purge(String header, String keys) {
        return ClusterPerson.anonymous().send("PURGE", VARNISH, "/", header, keys).statusCode();
    }

    static void signal(String signal, String pid) {
        run("kill", "-" + signal, pid);
    }

    /** Until Varnish's health probe has marked the backend so (polled every 100 ms, up to 20 s). */
    static void awaitBackend(String backend, String health) {
        Instant deadline = Instant.now().plusSeconds(20);
        String list = "";
        while (Instant.now().isBefore(deadline)) {
            list = run("varnishadm", "-n", EdgeClusterSettings.required("NEWSROOM_EDGE_VARNISH_DIR"), "backend.list");
            if (list.lines().anyMatch(line -> line.contains(backend) && line.contains(" " + health))) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(backend + " not " + health + " within 20 s:\n" + list);
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + output);
            }
            return output;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Posted(int status) {
    }

    record Scheduled(long id, String slug, Instant due) {
    }

    record Published(Instant at) {
    }

    /**
     * Saves the published article with a new title through the editor on A, live ("Update live now", not the
     * default pending update that readers do not see yet); returns when the save was answered.
     */
    static Instant saveTitle(long id, String title) {
        Document form = editor.page(A, "/admin/articles/" + id + "/edit");
        HttpResponse<String> saved = editor.submit(A, form, "form.admin-form:has(input[name=title])",
                Map.of("title", title, "action", "save", "saveAs", "live"));
        assertThat(saved.statusCode()).as("saving article " + id).isEqualTo(302);
        return Instant.now();
    }

    /** A new article, written and scheduled on A through the editor, due after {@code in}. */
    static Scheduled schedule(String title, Duration in) {
        Document form = editor.page(A, "/admin/articles/new");
        Element category = form.selectFirst("select[name=categoryId] option[value]");
        Instant due = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        HttpResponse<String> saved = editor.submit(A, form, "form.admin-form:has(input[name=title])", Map.of(
                "title", title, "slug", "", "bodyMarkdown", "Scheduled body for " + title, "excerpt", title,
                "categoryId", category.attr("value"), "action", "schedule",
                "scheduleAt", LocalDateTime.ofInstant(due, ZoneOffset.UTC).toString()));
        assertThat(saved.statusCode()).as("scheduling " + title).isEqualTo(302);
        String[] row = query("select id, slug from articles where title = ?", title).get(0);
        return new Scheduled(Long.parseLong(row[0]), row[1], due);
    }

    static Published awaitPublished(Scheduled scheduled) {
        Instant deadline = scheduled.due().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<String[]> rows = query("select (extract(epoch from at) * 1000)::bigint from audit_log "
                    + "where action = 'article.published' and detail = ?", "/articles/" + scheduled.slug() + " (scheduled)");
            if (!rows.isEmpty()) {
                return new Published(Instant.ofEpochMilli(Long.parseLong(rows.get(0)[0])));
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(scheduled.slug() + " was not published within 20 s of its time");
    }

    /** Approves the comment in the moderation queue, as a moderator signed in on B does. */
    static Instant approve(ClusterPerson moderator, long id) {
        Document detail = moderator.page(B, "/admin/comments/" + id);
        HttpResponse<String> decided = moderator.submit(B, detail, "form.decide", Map.of("decision", "APPROVE"));
        assertThat(decided.statusCode()).as("approving comment " + id).isEqualTo(302);
        return Instant.now();
    }

    /** Reads the article's comment form (through {@code base}) and sends it back there. */
    static Posted comment(ClusterPerson reader, String base, String slug, String email, String body) {
        Document article = reader.startWriting(base, reader.page(base, "/articles/" + slug));
        HttpResponse<String> response = reader.submit(base, article, "form.comment-form",
                Map.of("body", body, "name", "Cluster reader", "email", email));
        return new Posted(response.statusCode());
    }

    static Duration untilVisible(ClusterPerson reader, String path, Predicate<String> shows) {
        return untilVisible(reader, path, shows, Instant.now());
    }

    /** How long after {@code since} the page through Varnish showed the change (polled every 20 ms, up to 10 s). */
    static Duration untilVisible(ClusterPerson reader, String path, Predicate<String> shows, Instant since) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = reader.get(VARNISH, path);
            if (response.statusCode() == 200 && shows.test(response.body())) {
                return Duration.between(since, Instant.now());
            }
            sleep(Duration.ofMillis(20));
        }
        System.out.println(whyNotVisible(reader, path, shows));
        return Duration.ofSeconds(10).plus(Duration.between(since, Instant.now()));
    }

    /** What each party shows when a change never showed through Varnish: which one holds the old page. */
    static String whyNotVisible(ClusterPerson reader, String path, Predicate<String> shows) {
        StringBuilder why = new StringBuilder("Not visible through Varnish within 10 s at ").append(Instant.now())
                .append(": ").append(path);
        HttpResponse<String> edge = reader.get(VARNISH, path);
        why.append("\n  Varnish: ").append(edge.statusCode()).append(", shows it: ").append(shows.test(edge.body()))
                .append(", X-Cache ").append(edge.headers().firstValue("X-Cache").orElse("-"))
                .append(", Age ").append(edge.headers().firstValue("Age").orElse("-"));
        for (String instance : List.of(A, B)) {
            HttpResponse<String> direct = reader.get(instance, path, "Accept-Encoding", "identity");
            why.append("\n  ").append(instance).append(": ").append(direct.statusCode()).append(", shows it: ")
                    .append(shows.test(direct.body())).append(", X-Cache ")
                    .append(direct.headers().firstValue("X-Cache").orElse("-"));
        }
        try {
            why.append("\n").append(run("varnishadm", "-n", EdgeClusterSettings.required("NEWSROOM_EDGE_VARNISH_DIR"),
                    "backend.list"));
        }
        catch (IllegalStateException ex) {
            why.append("\n  backend.list failed: ").append(ex.getMessage());
        }
        return why.toString();
    }

    // --- the database, read directly ---

    /** One connection for the whole class: the machine's PostgreSQL is shared, and its connections are few. */
    static Connection database;

    static synchronized List<String[]> query(String sql, Object... params) {
        for (int attempt = 1;; attempt++) {
            try {
                if (database == null || database.isClosed()) {
                    database = DriverManager.getConnection(JDBC, "postgres", "");
                }
                try (PreparedStatement statement = database.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        statement.setObject(i + 1, params[i]);
                    }
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            String[] row = new String[columns];
                            for (int c = 0; c < columns; c++) {
                                row[c] = rs.getString(c + 1);
                            }
                            rows.add(row);
                        }
                    }
                    return rows;
                }
            }
            catch (SQLException ex) {
                // 53300: every connection slot taken (by other builds on this machine); wait for one.
                if (attempt < 10 && "53300".equals(ex.getSQLState())) {
                    sleep(Duration.ofSeconds(1));
                    continue;
                }
                throw new IllegalStateException(sql, ex);
            }
        }
    }

    static long count(String sql, Object... params) {
        return Long.parseLong(query(sql, params).get(0)[0]);
    }

    static long residentKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        }
        catch (IOException ex) {
            return 0;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** What the soak's workers saw. */
    static final class Soak {

        /**
         * Changes made in the first seconds, while both new instances still compile their hot paths, are reported
         * apart: the first approval on a cold instance took 0.7-1.2 s here, every later one well under a second.
         */
        static final Duration WARM_UP = Duration.ofSeconds(15);

        static final String WARMING_UP = " during the warm-up";

        final Instant measuredFrom;

        final Instant until;

        final Queue<String> problems = new ConcurrentLinkedQueue<>();

        final Queue<String> accepted = new ConcurrentLinkedQueue<>();

        final Queue<String> scheduled = new ConcurrentLinkedQueue<>();

        final Queue<String[]> changes = new ConcurrentLinkedQueue<>();

        final AtomicLong requests = new AtomicLong();

        final AtomicLong serverErrors = new AtomicLong();

        Soak(Instant measuredFrom, Instant until) {
            this.measuredFrom = measuredFrom;
            this.until = until;
        }

        Runnable worker(String role, Runnable step, Duration pause) {
            return () -> {
                while (Instant.now().isBefore(until)) {
                    try {
                        step.run();
                    }
                    catch (RuntimeException | AssertionError ex) {
                        problems.add(role + ": " + ex);
                    }
                    if (!pause.isZero()) {
                        sleep(pause);
                    }
                }
            };
        }

        void served(int status, String what) {
            requests.incrementAndGet();
            if (status >= 500) {
                serverErrors.incrementAndGet();
                problems.add(status + " for " + what);
            }
        }

        void change(String kind, Duration took) {
            String counted = Instant.now().isBefore(measuredFrom) ? kind + WARMING_UP : kind;
            changes.add(new String[] { counted, Long.toString(took.toMillis()) });
        }

        long count(String kind) {
            return changes.stream().filter(c -> c[0].equals(kind)).count();
        }

        Duration slowest(String kind) {
            return Duration.ofMillis(changes.stream().filter(c -> c[0].equals(kind))
                    .mapToLong(c -> Long.parseLong(c[1])).max().orElse(0));
        }

        /** Growth of resident memory from the run's middle to its end (the first half is warm-up). */
        double rssGrowth(List<long[]> samples, int instance) {
            if (samples.size() < 4) {
                return 0;
            }
            long middle = samples.get(samples.size() / 2)[instance];
            long end = samples.stream().skip(samples.size() / 2).mapToLong(s -> s[instance]).max().orElse(middle);
            return middle == 0 ? 0 : (double) (end - middle) / middle;
        }

        String report(Duration length, List<long[]> rss, long[] pids) {
            StringBuilder out = new StringBuilder();
            out.append("Soak of ").append(length.toSeconds()).append(" s after a ").append(WARM_UP.toSeconds())
                    .append("-s warm-up, two instances behind Varnish: ")
                    .append(requests.get()).append(" reader and commenter requests, ").append(serverErrors.get())
                    .append(" answered 5xx; ").append(accepted.size()).append(" comments accepted (each stored ")
                    .append("exactly once: checked); ").append(problems.size()).append(" problems.\n");
            for (String during : List.of("", WARMING_UP)) {
                for (String kind : List.of("edit", "approval", "publish")) {
                    List<Long> took = changes.stream().filter(c -> c[0].equals(kind + during))
                            .map(c -> Long.parseLong(c[1])).sorted().toList();
                    out.append("- ").append(kind.equals("publish") ? "publishe" : kind).append("s visible through Varnish")
                            .append(during).append(": ").append(took.size());
                    if (!took.isEmpty()) {
                        out.append(", median ").append(took.get(took.size() / 2)).append(" ms, slowest ")
                                .append(took.get(took.size() - 1)).append(" ms");
                    }
                    out.append('\n');
                }
            }
            for (int i = 0; i < pids.length; i++) {
                int instance = i;
                long first = rss.isEmpty() ? 0 : rss.get(0)[i];
                long middle = rss.isEmpty() ? 0 : rss.get(rss.size() / 2)[i];
                long last = rss.isEmpty() ? 0 : rss.get(rss.size() - 1)[i];
                long max = rss.stream().mapToLong(s -> s[instance]).max().orElse(0);
                out.append("- instance ").append((char) ('A' + i)).append(" resident memory: ")
                        .append(first / 1024).append(" MB at the start, ").append(middle / 1024)
                        .append(" MB half-way, ").append(last / 1024).append(" MB at the end, ").append(max / 1024)
                        .append(" MB at most\n");
            }
            problems.stream().limit(10).forEach(p -> out.append("  problem: ").append(p).append('\n'));
            return out.toString();
        }
    }
}
