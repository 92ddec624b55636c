package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.newsroom.article.Article;
import com.newsroom.comment.CommentStatus;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestClockConfiguration;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.TestDatabaseConfiguration;

/**
 * A request holds at most one database connection at a time: many readers at once on a pool of a few connections
 * are served, slower but every one of them. A request that held one connection while it waited for a second would
 * deadlock with the others here and time out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "logging.level.root=WARN", IntegrationTest.NO_BACKGROUND_JOBS,
        IntegrationTest.PAGE_CACHE + "=false",
        // One of the three is held by the listener for content changes.
        "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.minimum-idle=3",
        "spring.datasource.hikari.connection-timeout=1000" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, TestContent.class, SiteClient.class })
class PagesOnASmallPoolIntegrationTests {

    private static final int READERS = 8;

    private static final int PAGES_EACH = 10;

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Test
    void manyReadersAtOnceOnAPoolOfTwoFreeConnectionsAreAllServed() throws Exception {
        content.reset();
        Article story = content.article("Crowded story").published();
        content.comment(story, null, "Ada", "First!", CommentStatus.APPROVED);
        List<String> paths = List.of("/articles/crowded-story", "/", "/articles/no-such-story");

        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            CyclicBarrier together = new CyclicBarrier(READERS);
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int reader = 0; reader < READERS; reader++) {
                answers.add(readers.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    List<Integer> statuses = new ArrayList<>();
                    for (int page = 0; page < PAGES_EACH; page++) {
                        statuses.add(site.get(paths.get(page % paths.size())).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES)).as("statuses one reader got")
                        .allMatch(status -> status == 200 || status == 404);
            }
        }
        finally {
            readers.shutdownNow();
        }
    }
}
