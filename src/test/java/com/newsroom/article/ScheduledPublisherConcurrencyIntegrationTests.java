package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.StatementHold;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Together;

/**
 * Several instances publish scheduled articles at the same moment: each article is published (and audited)
 * once, and the instances share the work instead of queueing behind each other's locks.
 */
@IntegrationTest
class ScheduledPublisherConcurrencyIntegrationTests {

    /** More than one batch for each instance ({@code ScheduledPublisher} claims 100 at a time). */
    private static final int DUE = 350;

    private static final int INSTANCES = 3;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledPublisher publisher;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void manyOverdueArticles() {
        content.reset();
        long category = content.category("Queue").getId();
        jdbc.sql("""
                insert into articles (title, slug, primary_category_id, status, published_at)
                select 'Queued story ' || n, 'queued-story-' || n, :category, 'SCHEDULED',
                       cast(:now as timestamptz) - n * interval '1 minute'
                from generate_series(1, :due) n""")
                .param("category", category).param("now", Timestamp.from(content.now())).param("due", DUE).update();
    }

    @Test
    void instancesRunningAtOnceEachClaimTheirOwnBatchesAndPublishEveryArticleOnce() {
        content.clock().advance(Duration.ofHours(1));
        List<Integer> published;
        // The publisher keeps no state between calls: one thread per instance, each with its own connection.
        try (StatementHold hold = StatementHold.on(dataSource, "articles");
                Together<Integer> instances = Together.start(INSTANCES, i -> publisher::publishDue)) {
            // Every instance has claimed a batch and still holds it: none of them waits for another's rows.
            hold.awaitHolding(INSTANCES);
            hold.release();
            published = instances.results();
        }

        assertThat(published).as("articles published by each instance").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(published.stream().mapToInt(Integer::intValue).sum()).isEqualTo(DUE);
        assertThat(jdbc.sql("select count(*) from articles where status = 'PUBLISHED'").query(Integer.class).single())
                .isEqualTo(DUE);
        assertThat(jdbc.sql("""
                select count(*), count(distinct subject) from audit_log where action = 'article.published'""")
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                .as("audit entries, and distinct articles among them").containsExactly(DUE, DUE);
    }
}
