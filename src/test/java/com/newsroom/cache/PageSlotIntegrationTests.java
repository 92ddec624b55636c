package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * A page rendered once and served from memory still gets a fresh value in each slot on every response,
 * compressed or not, from the cache or rendered for a session. A cache tier that assembles pages itself
 * (Varnish with Edge Side Includes) may keep such a page: it gets an include where each slot goes, and fetches
 * each slot, fresh, per response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        PageCacheTestConfiguration.class })
class PageSlotIntegrationTests {

    static final String CAPABILITY = "varnish=\"ESI/1.0\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SiteClient site;

    @Autowired
    PageCache cache;

    @BeforeEach
    void emptyCache() {
        cache.invalidateAll();
    }

    @Test
    void everyResponseFromTheCacheFillsItsSlotsAfresh() {
        Response miss = fetch(false, null);
        Response hit = fetch(false, null);
        Response gzippedHit = fetch(true, null);
        assertThat(miss.cache()).isEqualTo("MISS");
        assertThat(hit.cache()).isEqualTo("HIT");
        assertThat(gzippedHit.cache()).isEqualTo("HIT");
        assertThat(gzippedHit.encoding()).isEqualTo("gzip");
        assertThat(java.util.List.of(miss.first(), hit.first(), gzippedHit.first())).doesNotHaveDuplicates();
        for (Response response : java.util.List.of(miss, hit, gzippedHit)) {
            assertThat(response.second()).isNotEqualTo(response.first());
            assertThat(response.html().select("p").text()).isEqualTo("Between the slots: the same on every response, café.");
            assertThat(response.html().select("#big .big").text()).hasSize(70_000 + String.valueOf(response.first()).length());
            assertThat(response.body()).doesNotContain("slot:");
        }
    }

    @Test
    void pagesWithSlotsAreKeptByNoSharedCacheAndCarryNoEntityTag() {
        fetch(true, null);
        Response hit = fetch(true, null);
        assertThat(hit.response().headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(hit.response().headers().firstValue("ETag")).isEmpty();
        assertThat(hit.response().headers().firstValue("Surrogate-Key")).hasValue("site slot-page");
    }

    @Test
    void pagesRenderedForASessionFillTheirSlotsToo() {
        Response first = fetch(false, "SESSION=reader");
        Response second = fetch(true, "SESSION=reader");
        assertThat(first.cache()).isNull();
        assertThat(second.cache()).isNull();
        assertThat(first.first()).isNotEqualTo(second.first());
        assertThat(second.body()).doesNotContain("slot:");
    }

    /**
     * Compressed by the page cache's filter at zlib's fastest level (PersonalPageCompression), not by Tomcat at its
     * fixed level: the filter knows the whole body, so it sends a length, where Tomcat's compression streams chunks.
     */
    @Test
    void aPageRenderedForASessionIsCompressedWholeWhenTheReaderAcceptsIt() {
        Response plain = fetch(false, "SESSION=reader");
        Response gzipped = fetch(true, "SESSION=reader");

        assertThat(plain.encoding()).isNull();
        assertThat(gzipped.encoding()).isEqualTo("gzip");
        assertThat(gzipped.response().headers().firstValueAsLong("Content-Length"))
                .hasValue(gzipped.response().body().length);
        assertThat(gzipped.response().body().length).isLessThan(plain.response().body().length / 10);
        assertThat(gzipped.response().headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(gzipped.html().select("p").text()).isEqualTo(plain.html().select("p").text());
        assertThat(gzipped.html().select("#big .big").text()).hasSize(70_000 + String.valueOf(gzipped.first()).length());

        Page small = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/slots/test-number?argument=first"))
                .header("Cookie", "SESSION=reader").header("Accept-Encoding", "gzip").GET());
        assertThat(small.header("Content-Encoding")).as("under server.compression.min-response-size").isNull();
    }

    @Test
    void aTierThatAssemblesPagesGetsTheSamePageWithAnIncludePerSlotAndMayKeepIt() {
        Page miss = assembled("/test/slots");
        Page hit = assembled("/test/slots");

        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(hit.header("X-Cache")).isEqualTo("HIT");
        for (Page page : java.util.List.of(miss, hit)) {
            assertThat(page.header("Surrogate-Control")).isEqualTo("content=\"ESI/1.0\"");
            assertThat(page.header("Cache-Control")).startsWith("public");
            assertThat(page.header("ETag")).isNotNull();
            assertThat(page.header("Surrogate-Key")).isEqualTo("site slot-page");
            assertThat(page.body()).contains("<form id=\"first\"><esi:include src=\"/slots/test-number?argument=first\"/></form>")
                    .doesNotContain("slot:").doesNotContain("<input");
        }
        assertThat(hit.body()).isEqualTo(miss.body());
    }

    @Test
    void readersGetTheirSlotsFilledAsBefore() {
        assertThat(assembled("/test/slots").header("X-Cache")).isEqualTo("MISS");
        Page reader = site.get("/test/slots");

        assertThat(reader.header("X-Cache")).isEqualTo("HIT");
        assertThat(reader.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(reader.header("Surrogate-Control")).isNull();
        assertThat(reader.body()).doesNotContain("esi:include");
        assertThat(reader.html().select("#first input[name=first]").attr("value")).isNotEmpty();
    }

    @Test
    void eachIncludeAnswersAFreshValueThatNobodyMayKeep() {
        Page first = site.get("/slots/test-number?argument=first");
        Page second = site.get("/slots/test-number?argument=first");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(first.html().select("input[name=first]").attr("value"))
                .isNotEqualTo(second.html().select("input[name=first]").attr("value"));
    }

    @Test
    void anIncludeOfNoSuchSlotOrAHostileArgumentIsNotFound() {
        assertThat(site.get("/slots/no-such-slot?argument=1").status()).isEqualTo(404);
        assertThat(site.get("/slots/test-number?argument=%22%3E%3Cscript%3E").status()).isEqualTo(404);
    }

    private Page assembled(String path) {
        return site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Surrogate-Capability", CAPABILITY).GET());
    }

    private Response fetch(boolean gzip, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + "/test/slots")).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            byte[] body = response.body();
            if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(null))) {
                // GZIPInputStream checks the trailer: CRC-32 and length of the whole page, slots included.
                try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Response(response, new String(body, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Response(HttpResponse<byte[]> response, String body) {

        String cache() {
            return response.headers().firstValue("X-Cache").orElse(null);
        }

        String encoding() {
            return response.headers().firstValue("Content-Encoding").orElse(null);
        }

        Document html() {
            return Jsoup.parse(body);
        }

        long first() {
            return Long.parseLong(html().select("#first input[name=first]").attr("value"));
        }

        long second() {
            return Long.parseLong(html().select("#second input[name=second]").attr("value"));
        }
    }
}
