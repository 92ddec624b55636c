package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Every kind of response (page, error page, static file, staff page, actuator) carries the hardening headers,
 * with the page cache on as in production: pages served from memory carry them too.
 */
@ProductionCacheIntegrationTest
class SecurityHeadersIntegrationTests {

    /** One line per address to check; the lead adds the pages that arrive with other branches here. */
    static final List<String> PUBLIC = List.of("/", "/latest", "/articles/headers-story", "/category/world",
            "/login", "/no-such-page", "/articles/no-such-story", "/latest?page=x", "/css/site.css",
            "/img/favicon.svg", "/actuator/health", "/feed.atom", "/sitemap.xml", "/robots.txt");

    /** Those the page cache keeps: asked for twice, the second answer comes from memory. */
    static final List<String> CACHED = List.of("/", "/latest", "/articles/headers-story", "/category/world",
            "/feed.atom", "/sitemap.xml", "/robots.txt");

    static final List<String> STAFF = List.of("/admin", "/admin/comments", "/admin/no-such-page");

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @BeforeEach
    void content() {
        content.reset();
        var world = content.category("World");
        content.article("Headers story").in(world).published();
        content.settle();
    }

    @TestFactory
    Stream<DynamicTest> publicResponsesCarryTheHeaders() {
        return PUBLIC.stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            assertHardened(site.get(path), path);
            SiteClient.Page again = site.get(path);
            assertThat(again.header("X-Cache")).as(path).isEqualTo(CACHED.contains(path) ? "HIT" : null);
            assertHardened(again, path + " (again)");
        }));
    }

    @TestFactory
    Stream<DynamicTest> staffResponsesCarryTheHeaders() {
        return STAFF.stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            HttpSignIn admin = staff.signedIn("Header Admin " + System.nanoTime(), Role.ADMIN);
            assertHardened(admin.get(path), path);
        }));
    }

    /** No proxy is trusted by default: a client's own claim to have come over HTTPS changes nothing. */
    @Test
    void strictTransportSecurityNeverOnAClientsOwnClaimOfHttpsAlsoForPagesFromMemory() {
        assertThat(site.get("/").header("Strict-Transport-Security")).isNull();
        for (int i = 0; i < 2; i++) {
            var claimed = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/"))
                    .header("X-Forwarded-Proto", "https").GET());
            assertThat(claimed.header("X-Cache")).isEqualTo("HIT");
            assertThat(claimed.header("Strict-Transport-Security")).isNull();
        }
    }

    /** Secure over HTTPS through a trusted proxy: BehindTheProxyIntegrationTests. */
    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        Function<SiteClient.Page, String> sessionCookie = page -> page.response().headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        String plain = sessionCookie.apply(formLogin(false));
        assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        String claimed = sessionCookie.apply(formLogin(true));
        assertThat(claimed).doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    }

    /** The sign-in page puts its CSRF token in a new session, so its response sets the cookie. */
    private SiteClient.Page formLogin(boolean https) {
        var request = HttpRequest.newBuilder(URI.create(site.baseUrl() + "/login")).GET();
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        return site.send(request);
    }

    static void assertHardened(SiteClient.Page page, String path) {
        assertThat(page.header("Content-Security-Policy")).as(path)
                .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.header("Permissions-Policy")).as(path)
                .isEqualTo("camera=(), microphone=(), geolocation=(), interest-cohort=()");
        assertThat(page.header("Strict-Transport-Security")).as(path).isNull();
    }
}
