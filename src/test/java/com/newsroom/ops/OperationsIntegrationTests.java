package com.newsroom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Role;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** Health probes, Prometheus metrics and request ids, as a load balancer and a scraper see them. */
@IntegrationTest
class OperationsIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @BeforeEach
    void empty() {
        content.reset();
    }

    @Test
    void anyoneReadsHealthAndTheLivenessAndReadinessProbes() {
        for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness" }) {
            var health = fromElsewhere(path, null);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void readinessIncludesTheDatabase() {
        var signIn = staff.signedIn("Ops Admin", Role.ADMIN);
        var readiness = fromElsewhere("/actuator/health/readiness", signIn.sessionCookie());
        // Administrators see the components of the group; anonymous probes only the overall status.
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"readinessState\"");
        assertThat(fromElsewhere("/actuator/health/readiness", null).body()).doesNotContain("\"db\"");
        var liveness = fromElsewhere("/actuator/health/liveness", signIn.sessionCookie());
        assertThat(liveness.body()).contains("\"livenessState\"").doesNotContain("\"db\"");
    }

    @Test
    void prometheusHasPerRouteTimingsForALocalScraper() {
        assertThat(site.get("/latest").status()).isEqualTo(200);
        var metrics = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/actuator/prometheus")).GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/latest\"[^}]*\\}");
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void prometheusIsRefusedToAnonymousVisitorsFromElsewhereEvenIfTheyClaimToBeLocal() {
        var spoofed = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/actuator/prometheus"))
                .header("X-Forwarded-For", "127.0.0.1").GET());
        assertThat(spoofed.status()).isIn(302, 401, 403);
        assertThat(spoofed.body()).doesNotContain("http_server_requests");
        var remote = fromElsewhere("/actuator/prometheus", null);
        assertThat(remote.status()).isIn(302, 401, 403);
        assertThat(remote.body()).doesNotContain("http_server_requests");
    }

    @Test
    void prometheusIsOpenToAdministratorsButNotOtherStaffFromElsewhere() {
        var moderator = staff.signedIn("Ops Moderator", Role.MODERATOR);
        assertThat(fromElsewhere("/actuator/prometheus", moderator.sessionCookie()).status()).isEqualTo(403);
        var admin = staff.signedIn("Ops Admin Two", Role.ADMIN);
        var metrics = fromElsewhere("/actuator/prometheus", admin.sessionCookie());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        var kept = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/latest"))
                .header("X-Request-Id", "lb-4f2a-0001").GET());
        assertThat(kept.header("X-Request-Id")).isEqualTo("lb-4f2a-0001");
        var replaced = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/latest"))
                .header("X-Request-Id", "bad id; rm -rf /").GET());
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        var tooLong = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/no-such-page"))
                .header("X-Request-Id", "a".repeat(65)).GET());
        assertThat(tooLong.status()).isEqualTo(404);
        assertThat(tooLong.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        var generated = site.get("/no-such-page");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    /** As if through the load balancer from a reader's machine. */
    private SiteClient.Page fromElsewhere(String path, String session) {
        var request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).header("X-Forwarded-For",
                "203.0.113.7");
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return site.send(request.GET());
    }

}
