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
 * Staged updates due for publication: the scheduler publishes them through the article's own transition, and
 * several instances at once publish each exactly once, sharing the work instead of queueing behind each other.
 */
@IntegrationTest
class ScheduledUpdatesConcurrencyIntegrationTests {

    /** More than one batch ({@code ArticleUpdates} claims 100 at a time), fewer than one each for three. */
    private static final int DUE = 250;

    private static final int INSTANCES = 3;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledPublisher publisher;

    @Autowired
    ArticleUpdates updates;

    @Autowired
    DataSource dataSource;

    long category;

    @BeforeEach
    void setUp() {
        content.reset();
        category = content.category("Queue").getId();
    }

    @Test
    void theSchedulerPublishesADueUpdateOnceWithItsCorrectionAndLeavesOneNotYetDueAlone() {
        manyPublishedArticlesWithDueUpdates(1);
        jdbc.sql("""
                update article_pending_updates set correction_note = 'The figures were revised.'""").update();
        Article later = content.article("Not yet").published();
        long version = jdbc.sql("select version from articles where id = :id").param("id", later.getId())
                .query(Long.class).single();
        updates.save(later.getId(), null, version, new ArticleInput("Not yet, revised", later.getSlug(),
                "", "Later text.", "", null, null, null, category, List.of(), List.of(), false, true), Editor.SYSTEM);
        updates.schedule(later.getId(), 0, content.now().plus(Duration.ofHours(3)), null, Editor.SYSTEM);

        content.clock().advance(Duration.ofHours(1));
        publisher.publishDue();
        publisher.publishDue();

        assertThat(jdbc.sql("select body_markdown from articles where slug = 'staged-story-1'").query(String.class)
                .single()).isEqualTo("Updated text 1.");
        assertThat(jdbc.sql("select updated_at from articles where slug = 'staged-story-1'").query(Timestamp.class)
                .single().toInstant()).isCloseTo(content.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(jdbc.sql("select note from article_corrections").query(String.class).list())
                .containsExactly("The figures were revised.");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'article.updatePublished'")
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select title from articles where id = :id").param("id", later.getId())
                .query(String.class).single()).isEqualTo("Not yet");
        assertThat(jdbc.sql("select article_id from article_pending_updates").query(Long.class).list())
                .containsExactly(later.getId());
    }

    @Test
    void instancesRunningAtOnceEachClaimTheirOwnUpdatesAndPublishEveryUpdateOnce() {
        manyPublishedArticlesWithDueUpdates(DUE);
        content.clock().advance(Duration.ofHours(1));
        List<Integer> published;
        // Each instance is held once it writes its first claimed update over its article, its claim still locked.
        try (StatementHold hold = StatementHold.on(dataSource, "articles");
                Together<Integer> instances = Together.start(INSTANCES, i -> () -> updates.publishDue(content.now()))) {
            hold.awaitHolding(INSTANCES);
            hold.release();
            published = instances.results();
        }

        assertThat(published).as("updates published by each instance").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(published.stream().mapToInt(Integer::intValue).sum()).isEqualTo(DUE);
        assertThat(jdbc.sql("select count(*) from articles where body_markdown like 'Updated text %'")
                .query(Integer.class).single()).isEqualTo(DUE);
        assertThat(jdbc.sql("select count(*) from article_pending_updates").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*), count(distinct subject) from audit_log where action = 'article.updatePublished'""")
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                .as("audit entries, and distinct articles among them").containsExactly(DUE, DUE);
    }

    /** Published articles, each with a staged update due a minute or more ago. */
    private void manyPublishedArticlesWithDueUpdates(int count) {
        Timestamp now = Timestamp.from(content.now());
        jdbc.sql("""
                insert into articles (title, slug, primary_category_id, status, published_at, body_markdown)
                select 'Staged story ' || n, 'staged-story-' || n, :category, 'PUBLISHED',
                       cast(:now as timestamptz) - interval '1 day', 'Published text ' || n || '.'
                from generate_series(1, :count) n""")
                .param("category", category).param("now", now).param("count", count).update();
        jdbc.sql("""
                insert into article_pending_updates (article_id, content, started_at, saved_at, saved_by_name, publish_at)
                select a.id, jsonb_build_object('title', a.title, 'slug', a.slug, 'dek', '',
                           'bodyMarkdown', 'Updated text ' || substring(a.slug from '\\d+$') || '.', 'excerpt', '',
                           'categoryId', a.primary_category_id, 'tagNames', '[]'::jsonb, 'authorIds', '[]'::jsonb,
                           'featured', false, 'commentsOpen', true),
                       :now, :now, 'System', cast(:now as timestamptz) + interval '1 minute'
                from articles a where a.slug like 'staged-story-%'""")
                .param("now", now).update();
    }
}
