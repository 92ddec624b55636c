package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.newsroom.testsupport.CommentFormScript;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.cache.PageCache;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;

/**
 * The site as production runs it: behind a load balancer on loopback that it is told to trust, with the page
 * cache on. Requests from the test client come through that "proxy", so X-Forwarded-For says where the reader
 * is; the proxy appends the address it saw, so the rightmost value is the one to believe. Covers what only
 * shows with a trusted proxy (client addresses, HTTPS) or with pages served from memory (shared-cache headers,
 * per-form comment tokens).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true",
        // A context of its own: a small pool, so it holds few of the test server's connections while cached.
        "spring.datasource.hikari.maximum-pool-size=4",
        "server.tomcat.remoteip.internal-proxies=127.0.0.0/8, ::1/128",
        "newsroom.comments.policy=AUTO_APPROVE_KNOWN", "newsroom.comments.close-after-days=3650",
        // Fewer attempts than in production before strangers are stopped, so a flood takes a dozen requests.
        "newsroom.admin.login.max-failures-per-account-from-new-addresses=10" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        StaffLogins.class, BehindTheProxyIntegrationTests.SessionMakingPage.class })
class BehindTheProxyIntegrationTests {

    private static final String FORM = "form.comment-form";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @Autowired
    PageCache cache;

    @Autowired
    JdbcClient jdbc;

    String path;

    /**
     * A page that opens a session while rendering, as no reader page should: the cache must not keep it. (Its
     * controller is registered as a member of this configuration.)
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SessionMakingPage {

        @RestController
        static class Controller {

            @GetMapping("/test-only/session-page")
            ResponseEntity<String> page(HttpServletRequest request) {
                request.getSession().setAttribute("seen", Boolean.TRUE);
                return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<p>made for " + request.getSession().getId());
            }
        }
    }

    @BeforeEach
    void aPublishedArticle() {
        content.reset();
        cache.invalidateAll();
        content.article("Story behind the proxy").published();
        content.settle();
        path = "/articles/story-behind-the-proxy";
    }

    // --- Item 1: the client address is the rightmost hop that is not a trusted proxy ---

    @Test
    void theAddressLimitCountsTheAddressTheProxySawNotTheOnesTheClientNamed() {
        startOfRateWindow();
        for (int i = 1; i <= 5; i++) {
            assertThat(comment(reader("10.9.9." + i + ", 203.0.113.9"), Map.of("email", "r" + i + "@example.com",
                    "body", "Comment " + i)).status()).isEqualTo(302);
        }
        Page limited = comment(reader("10.9.9.6, 203.0.113.9"), Map.of("email", "r6@example.com", "body", "Sixth"));
        assertThat(limited.status()).isEqualTo(429);

        Page elsewhere = comment(reader("203.0.113.10"), Map.of("email", "r7@example.com", "body", "Other reader"));
        assertThat(elsewhere.status()).isEqualTo(302);
    }

    @Test
    void strictTransportSecurityAndSecureCookiesWhenTheTrustedProxySaysHttps() {
        var secure = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/login"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(secure.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(secure.response().headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("Secure"));
    }

    // --- Item 6: guesses from one address lock that address out of the account, not the account's owner ---

    @Test
    void wrongGuessesFromOneAddressDoNotLockTheOnlyAdministratorOutElsewhere() {
        staff.create("Only Admin", Role.ADMIN);
        HttpSignIn attacker = new HttpSignIn(site, Map.of("X-Forwarded-For", "198.51.100.66"));
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn("only.admin", "guess " + i).header("Location")).endsWith("error=failed");
        }
        assertThat(attacker.signIn("only.admin", "guess 6").header("Location")).endsWith("error=locked");
        assertThat(attacker.signIn("only.admin", StaffFixtures.PASSWORD).header("Location")).endsWith("error=locked");

        HttpSignIn admin = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.20"));
        assertThat(admin.signIn("only.admin", StaffFixtures.PASSWORD).header("Location")).endsWith("/admin");
    }

    @Test
    void aFloodFromManyAddressesStopsStrangersButNotTheAdministratorsUsualAddress() {
        staff.create("Only Admin", Role.ADMIN);
        HttpSignIn office = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.21"));
        assertThat(office.signIn("only.admin", StaffFixtures.PASSWORD).header("Location")).endsWith("/admin");
        for (int address = 1; address <= 3; address++) {
            HttpSignIn attacker = new HttpSignIn(site, Map.of("X-Forwarded-For", "198.51.100." + address));
            for (int i = 0; i < 4; i++) {
                attacker.signIn("only.admin", "guess " + i);
            }
        }

        HttpSignIn stranger = new HttpSignIn(site, Map.of("X-Forwarded-For", "192.0.2.99"));
        assertThat(stranger.signIn("only.admin", StaffFixtures.PASSWORD).header("Location")).endsWith("error=locked");
        HttpSignIn backAtTheOffice = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.21"));
        assertThat(backAtTheOffice.signIn("only.admin", StaffFixtures.PASSWORD).header("Location")).endsWith("/admin");
    }

    // --- Item 3: pages made for one person are private; the page cache never keeps a response with a session ---

    @Test
    void aCommentersOwnPageIsPrivateWhileThePublicCopyIsShared() {
        HttpSignIn commenter = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.30"));
        Document form = writing(commenter);
        content.clock().advance(Duration.ofSeconds(20));
        Page sent = commenter.postRaw(path + "/comments", fields(form, Map.of("body", "Held for moderation")));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Cache-Control")).isEqualTo("private, no-store");

        Page own = commenter.get(path);
        assertThat(own.html().select(".comment-awaiting").text()).contains("awaiting moderation");
        assertThat(own.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(own.response().headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Cookie"));

        // The article, comment form and all, is shared as a public copy; the same URL with a session is not.
        Page everyone = site.get(path);
        assertThat(everyone.header("X-Cache")).isNotNull();
        assertThat(everyone.header("Cache-Control")).contains("public").contains("s-maxage=60");
        assertThat(everyone.html().select(".comment-awaiting")).isEmpty();
        assertThat(site.get("/").header("Cache-Control")).contains("public").contains("s-maxage=60");
        assertThat(commenter.get("/").header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void responsesNotMarkedPublicArePrivate() {
        Page missing = site.get("/articles/no-such-story");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).isEqualTo("private, no-store");
        Page login = site.get("/login");
        assertThat(login.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aResponseAfterWhichASessionExistsIsNeverStored() {
        Page first = site.get("/test-only/session-page");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-store");

        Page second = site.get("/test-only/session-page");
        assertThat(second.header("X-Cache")).isNull();
        assertThat(second.body()).isNotEqualTo(first.body());
    }

    // --- Item 4: X-Forwarded-Prefix changes neither the page nor where it is kept ---

    @Test
    void aForwardedPrefixChangesNeitherThePageNorItsCacheKey() {
        Page feed = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/feed.atom"))
                .header("X-Forwarded-Prefix", "/category/x").GET());
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain("/category/x");
        Page article = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("X-Forwarded-Prefix", "/evil").GET());
        assertThat(article.html().select("a[href^=/evil], link[href*=/evil]")).isEmpty();

        Page category = site.get("/category/x/feed.atom");
        assertThat(category.status()).isEqualTo(404);
        assertThat(category.header("X-Cache")).isNull();
    }

    // --- Item 5: every served form has its own token, cached pages included ---

    @Test
    void aBotSendingACachedFormAtOnceIsTooFast() {
        site.get(path);
        content.clock().advance(Duration.ofMinutes(5));
        HttpSignIn bot = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.40"));
        Page served = bot.get(path);
        assertThat(served.header("X-Cache")).isEqualTo("HIT");

        bot.postRaw(path + "/comments", fields(writing(bot, served), Map.of("body", "Instant bot text")));

        assertThat(rules("Instant bot text")).contains("TOO_FAST");
    }

    @Test
    void twoReadersOfOneCachedPageBothCommentWithTheirOwnTokens() {
        HttpSignIn first = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.41"));
        HttpSignIn second = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.42"));
        Document firstForm = writing(first);
        Page secondPage = second.get(path);
        assertThat(secondPage.header("X-Cache")).isEqualTo("HIT");
        Document secondForm = writing(second, secondPage);
        assertThat(token(secondForm)).isNotEqualTo(token(firstForm));
        content.clock().advance(Duration.ofSeconds(30));

        first.postRaw(path + "/comments", fields(firstForm, Map.of("email", "one@example.com", "body", "First reader")));
        second.postRaw(path + "/comments", fields(secondForm, Map.of("email", "two@example.com", "body", "Second reader")));

        assertThat(rules("First reader")).containsExactly("NEW_COMMENTER");
        assertThat(rules("Second reader")).containsExactly("NEW_COMMENTER");
    }

    @Test
    void aHarvestedFormWorksOnceOnEveryInstance() {
        HttpSignIn bot = new HttpSignIn(site, Map.of("X-Forwarded-For", "203.0.113.43"));
        Document form = writing(bot);
        content.clock().advance(Duration.ofSeconds(30));
        bot.postRaw(path + "/comments", fields(form, Map.of("email", "a@example.com", "body", "First use")));
        bot.postRaw(path + "/comments", fields(form, Map.of("email", "b@example.com", "body", "Second use")));

        assertThat(rules("First use")).containsExactly("NEW_COMMENTER");
        assertThat(rules("Second use")).contains("FORM_TOKEN");
        assertThat(detail("Second use", "FORM_TOKEN")).contains("already used");
    }

    // --- Item 5: "known commenter" needs more than an email address anyone can type ---

    @Test
    void anApprovedCommentersEmailTypedFromElsewhereIsHeld() {
        send("203.0.113.50", "known@example.com", "My first, approved");
        jdbc.sql("update comments set status = 'APPROVED'").update();
        content.settle();

        send("198.51.100.51", "known@example.com", "Impostor using their email");
        send("203.0.113.50", "known@example.com", "The real commenter again");

        assertThat(status("Impostor using their email")).isEqualTo("PENDING");
        assertThat(detail("Impostor using their email", "NEW_COMMENTER")).contains("none from this address");
        assertThat(status("The real commenter again")).isEqualTo("APPROVED");
    }

    private void send(String address, String email, String body) {
        HttpSignIn reader = new HttpSignIn(site, Map.of("X-Forwarded-For", address));
        Document form = writing(reader);
        content.clock().advance(Duration.ofSeconds(30));
        assertThat(reader.postRaw(path + "/comments", fields(form, Map.of("email", email, "body", body))).status())
                .isEqualTo(302);
    }

    private HttpSignIn reader(String forwardedFor) {
        return new HttpSignIn(site, Map.of("X-Forwarded-For", forwardedFor));
    }

    private Page comment(HttpSignIn reader, Map<String, String> values) {
        Document form = writing(reader);
        content.clock().advance(Duration.ofSeconds(20));
        return reader.postRaw(path + "/comments", fields(form, values));
    }

    private void startOfRateWindow() {
        long window = Duration.ofMinutes(10).toSeconds();
        content.clock().set(Instant.ofEpochSecond((content.now().getEpochSecond() / window + 1) * window));
    }

    /** The article as a reader's browser has it once they start writing: its form's token fetched by the page's script. */
    private Document writing(HttpSignIn reader) {
        return writing(reader, reader.get(path));
    }

    private static Document writing(HttpSignIn reader, Page page) {
        Document html = page.html();
        CommentFormScript.startWriting(html.selectFirst(FORM), address -> {
            Page fetched = reader.get(address);
            return new CommentFormScript.Answer(fetched.status(), fetched.body());
        });
        return html;
    }

    private static String token(Document form) {
        return form.select(FORM + " input[name=token]").attr("value");
    }

    private static Map<String, String> fields(Document form, Map<String, String> values) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "Ada Reader", "email", "ada@example.com",
                "website", "", "body", "A comment", "fax", "", "token", token(form)));
        fields.putAll(values);
        return fields;
    }

    private List<String> rules(String body) {
        return jdbc.sql("""
                select s.rule from comment_signals s join comments c on c.id = s.comment_id
                where c.body = :body order by s.rule""").param("body", body).query(String.class).list();
    }

    private String detail(String body, String rule) {
        return jdbc.sql("""
                select s.detail from comment_signals s join comments c on c.id = s.comment_id
                where c.body = :body and s.rule = :rule""").param("body", body).param("rule", rule)
                .query(String.class).single();
    }

    private String status(String body) {
        return jdbc.sql("select status from comments where body = :body").param("body", body).query(String.class)
                .single();
    }
}
