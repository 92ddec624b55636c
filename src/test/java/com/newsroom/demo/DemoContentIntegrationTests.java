package com.newsroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.testsupport.IntegrationTest;

/** The demo content loads on an empty database and leaves real work waiting for every demo account. */
@IntegrationTest
@Import(DemoContent.class)
class DemoContentIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWorkflowHasSomethingWaiting() {
        assertThat(count("select count(*) from articles where status = 'PUBLISHED'")).isGreaterThan(30);
        assertThat(count("select count(*) from articles where status = 'DRAFT' and review_requested_at is null"
                + " and returned_at is null")).as("a draft").isEqualTo(1);
        assertThat(count("select count(*) from articles where review_requested_at is not null")).as("in review").isEqualTo(1);
        assertThat(count("select count(*) from articles where returned_at is not null")).as("returned").isEqualTo(1);
        assertThat(count("select count(*) from articles where status = 'SCHEDULED'")).as("scheduled").isEqualTo(1);
        assertThat(count("select count(*) from article_corrections")).as("a correction").isEqualTo(1);
        assertThat(count("select count(*) from article_pending_updates u join articles a on a.id = u.article_id"
                + " where a.status = 'PUBLISHED' and a.title <> u.content->>'title'")).as("a staged update").isEqualTo(1);
        assertThat(count("select count(*) from article_notes where kind = 'NOTE'")).as("an editor's note").isEqualTo(1);
        assertThat(count("select count(*) from comments where status = 'PENDING'")).as("held").isEqualTo(3);
        assertThat(count("select count(*) from comments where status = 'SPAM'")).as("spam").isEqualTo(1);
        assertThat(count("select count(*) from comments where status = 'REJECTED'")).as("rejected").isEqualTo(1);
        assertThat(count("select count(*) from comments c where c.status <> 'APPROVED' and not exists"
                + " (select 1 from comment_signals s where s.comment_id = c.id)")).as("each with its reasons").isZero();
        assertThat(count("select count(*) from comments c join comments p on p.id = c.parent_id"
                + " where c.status = 'PENDING' and p.status = 'PENDING'")).as("a reply to a held comment").isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'comment.rejected' and actor_name = 'Priya Raman'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from live_coverage where ended_at is null")).as("a live page").isEqualTo(1);
        assertThat(count("select count(*) from live_updates")).as("its updates").isEqualTo(5);
        assertThat(count("select count(*) from live_updates where pinned")).as("one pinned").isEqualTo(1);
        assertThat(count("select count(*) from live_update_revisions")).as("one corrected").isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
