package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TcpProxy;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;
import com.newsroom.testsupport.Visitor;

/**
 * PostgreSQL goes away and comes back while the site runs. The application reaches its database through a
 * relay this test can cut, so the outage is real to the connection pool without stopping a server that
 * other test runs share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.com.newsroom=INFO",
        "spring.datasource.hikari.connection-timeout=1500", "newsroom.cache.enabled=true",
        com.newsroom.testsupport.IntegrationTest.NO_BACKGROUND_JOBS })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        DatabaseOutageIntegrationTests.ThroughRelay.class })
class DatabaseOutageIntegrationTests {

    static TcpProxy relay;

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughRelay {

        /** The throw-away database, reached through the relay instead of directly. */
        @Bean
        @Primary
        JdbcConnectionDetails relayedDatabase(JdbcConnectionDetails throwawayDatabase) throws IOException {
            String direct = throwawayDatabase.getJdbcUrl();
            var url = java.net.URI.create(direct.substring("jdbc:".length()));
            relay = new TcpProxy(url.getHost(), url.getPort() == -1 ? 5432 : url.getPort());
            String relayed = "jdbc:postgresql://127.0.0.1:" + relay.port() + url.getPath();
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return throwawayDatabase.getUsername();
                }

                @Override
                public String getPassword() {
                    return throwawayDatabase.getPassword();
                }

                @Override
                public String getJdbcUrl() {
                    return relayed;
                }
            };
        }
    }

    @AfterAll
    static void closeRelay() throws IOException {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void pagesAnswer503DuringAnOutageCommentsComeBackToTheReaderAndTheSiteRecoversByItself() throws Exception {
        content.reset();
        content.article("Still here after the outage").published();
        String path = "/articles/still-here-after-the-outage";
        Visitor reader = site.visitor();
        // The reader has started writing (the form's token is fetched) when the database goes away.
        Document form = reader.get(path).html();
        reader.startWriting(form.selectFirst("form.comment-form"));
        assertThat(site.get("/").status()).isEqualTo(200);

        relay.cut();
        try {
            // Pages readers already asked for are still served from memory...
            SiteClient.Page cachedHome = site.get("/");
            assertThat(cachedHome.status()).isEqualTo(200);
            assertThat(cachedHome.header("X-Cache")).isEqualTo("HIT");
            // ...the others say, in the site's style, that it is a passing problem.
            SiteClient.Page latest = site.get("/latest");
            assertThat(latest.status()).isEqualTo(503);
            assertThat(latest.header("Retry-After")).isEqualTo("30");
            assertThat(latest.html().select("h1").text()).isEqualTo("Temporarily unavailable");
            assertThat(latest.body()).doesNotContain("Exception").doesNotContain("at com.");
            // The load balancer takes the instance out of rotation; nothing restarts it.
            assertThat(site.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(site.get("/actuator/health/liveness").status()).isEqualTo(200);

            content.clock().advance(Duration.ofSeconds(20));
            SiteClient.Page sent = reader.submit(form, "form.comment-form", Map.of("name", "Ada", "email",
                    "ada@example.com", "body", "Words I do not want to lose."));
            assertThat(sent.status()).isEqualTo(503);
            assertThat(sent.html().select(".unsaved-comment h2").text()).isEqualTo("Your comment was not saved");
            assertThat(sent.html().select("#unsaved-text").text()).isEqualTo("Words I do not want to lose.");
        }
        finally {
            relay.restore();
        }

        // The pool reconnects on its own; how soon depends on its retry timing, so await the condition.
        org.awaitility.Awaitility.await("the site answers again").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> site.get("/latest").status(), s -> s == 200);
        assertThat(site.get("/latest").html().select(".card-title").text()).isEqualTo("Still here after the outage");
        assertThat(site.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
