package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

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
 * A cache tier that assembles pages itself (Varnish with Edge Side Includes) may keep a page with per-response
 * slots: it gets the page with an include where each slot goes, and fetches each slot, fresh, per response.
 * (The same context as {@link PageSlotIntegrationTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "newsroom.cache.enabled=true" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        PageCacheTestConfiguration.class })
class EdgeSideIncludesIntegrationTests {

    static final String CAPABILITY = "varnish=\"ESI/1.0\"";

    @Autowired
    SiteClient site;

    @Autowired
    PageCache cache;

    @BeforeEach
    void emptyCache() {
        cache.invalidateAll();
    }

    @Test
    void aTierThatAssemblesPagesGetsTheSamePageWithAnIncludePerSlotAndMayKeepIt() {
        Page miss = assembled("/test/slots");
        Page hit = assembled("/test/slots");

        assertThat(miss.header("X-Cache")).isEqualTo("MISS");
        assertThat(hit.header("X-Cache")).isEqualTo("HIT");
        for (Page page : List.of(miss, hit)) {
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
}
