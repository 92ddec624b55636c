package com.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.StatementHold;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Together;

/** The retention job runs on every instance: instances running at once share the backlog and purge each comment once. */
@IntegrationTest
class CommentRetentionConcurrencyIntegrationTests {

    /** More than a batch for each instance ({@code CommentRetention} claims 500 at a time). */
    private static final int EXPIRED = 1_700;

    private static final int INSTANCES = 3;

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommentRetention retention;

    @Autowired
    DataSource dataSource;

    @Test
    void instancesRunningAtOnceEachPurgeTheirOwnBatchesAndEveryExpiredCommentOnce() {
        content.reset();
        var article = content.article("Much discussed").published();
        jdbc.sql("""
                insert into comments (article_id, author_name, author_email, body, status, ip_hash, created_at)
                select :article, 'Spammer ' || n, 'spammer' || n || '@example.com', 'Buy ' || n,
                       case when n % 2 = 0 then 'SPAM' else 'REJECTED' end, md5(n::text), :at
                from generate_series(1, :expired) n""")
                .param("article", article.getId()).param("expired", EXPIRED)
                .param("at", Timestamp.from(content.now().minus(Duration.ofDays(40)))).update();
        Comment recent = content.comment(article, null, "Recent Spammer", "Still within retention", CommentStatus.PENDING);
        jdbc.sql("update comments set status = 'SPAM' where id = ?").param(recent.getId()).update();

        List<Integer> purged;
        try (StatementHold hold = StatementHold.on(dataSource, "comments");
                Together<Integer> instances = Together.start(INSTANCES, i -> retention::purgeExpired)) {
            // Every instance has claimed a batch and still holds it: none of them waits for another's rows.
            hold.awaitHolding(INSTANCES);
            hold.release();
            purged = instances.results();
        }

        assertThat(purged).as("comments purged by each instance").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXPIRED);
        assertThat(jdbc.sql("""
                select count(*) from comments
                where purged_at is not null and author_name = :name and ip_hash is null
                  and author_email not like 'spammer%'""")
                .param("name", Comment.PURGED_NAME).query(Integer.class).single()).isEqualTo(EXPIRED);
        assertThat(comments(recent.getId())).isEqualTo("Recent Spammer");
    }

    private String comments(long id) {
        return jdbc.sql("select author_name from comments where id = ?").param(id).query(String.class).single();
    }
}
