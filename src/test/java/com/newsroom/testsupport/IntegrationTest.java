package com.newsroom.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.newsroom.admin.StaffRouteFixtures;

/**
 * The whole application on a random port over a real, throw-away PostgreSQL database, with MockMvc for
 * request-level tests. Every class using it shares one application context (and so one database);
 * {@link TestContent#reset()} empties it between tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.com.newsroom=INFO",
        // Refused requests are the point of many tests; one warning line each would drown the output.
        "logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR",
        "newsroom.comments.blocked-words=casino,cheap pills", "newsroom.comments.blocked-hosts=spam.example",
        "newsroom.comments.close-after-days=3650", IntegrationTest.PAGE_CACHE + "=false",
        IntegrationTest.NO_BACKGROUND_JOBS,
        // Contexts stay cached for the whole run; idle, each keeps only a couple of connections, so several runs
        // on one PostgreSQL server do not exhaust its connection slots.
        "spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=10000" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class,
        QueryCounter.class, StaffRouteFixtures.class, StaffLogins.class, TestMailConfiguration.class })
public @interface IntegrationTest {

    /**
     * The page cache is off in the shared context: tests change data behind the application's back and
     * read it straight away. {@code PageCacheIntegrationTests} runs with it on.
     */
    String PAGE_CACHE = "newsroom.cache.enabled";

    /**
     * Timers (scheduled publishing, comment retention) stay off: they would run against the test clock at
     * moments no test chose. Tests call the jobs themselves.
     */
    String NO_BACKGROUND_JOBS = "newsroom.scheduling.enabled=false";
}
