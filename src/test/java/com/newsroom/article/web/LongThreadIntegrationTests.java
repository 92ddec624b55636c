package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.comment.CommentThreads;
import com.newsroom.site.SiteSettingsAdmin;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.QueryCounter;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * An article with 2,000 approved comments: its thread is paged (top-level comments with all their replies), opens on
 * the oldest or the newest as the site chooses, links to the rest, and every page costs the same few queries.
 */
@IntegrationTest
class LongThreadIntegrationTests {

    private static final String PAGE = "/articles/the-big-debate";

    /** 1,500 top-level comments, and a reply under each of the first 500: 2,000 in all. */
    private static final int TOP_LEVEL = 1500;

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    QueryCounter queries;

    @Autowired
    SiteSettingsAdmin settings;

    Article article;

    @BeforeEach
    void anArticleWithTwoThousandComments() {
        content.reset();
        article = content.article("The big debate").published();
        addComments(article, TOP_LEVEL, 500);
        content.settle();
    }

    @AfterEach
    void oldestFirstAgain() {
        newestFirst(false);
    }

    @Test
    void theFirstPageShowsFiftyConversationsOldestFirstAndLinksToTheNext() {
        assertThat(content.jdbc().sql("select comment_count from articles where id = ?").param(article.getId())
                .query(Integer.class).single()).isEqualTo(2000);
        Document first = site.get(PAGE).html();
        assertThat(first.select("#comments-title").text()).startsWith("2,000");
        assertThat(topLevel(first)).hasSize(CommentThreads.PAGE_SIZE);
        assertThat(topLevel(first).get(0)).isEqualTo("Top 1");
        assertThat(first.select(".comment-replies .comment-body").first().text()).isEqualTo("Reply to 1");
        assertThat(first.select(".comment")).hasSize(2 * CommentThreads.PAGE_SIZE);
        assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo(PAGE + "?comments=2#comments");
        assertThat(first.select("nav.pager a[rel=next]").text()).isEqualTo("Later comments");
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();

        Document second = site.get(PAGE + "?comments=2").html();
        assertThat(topLevel(second).get(0)).isEqualTo("Top 51");
        assertThat(second.select("nav.pager a[rel=prev]").attr("href")).isEqualTo(PAGE + "#comments");

        Document last = site.get(PAGE + "?comments=30").html();
        assertThat(topLevel(last)).last().isEqualTo("Top 1500");
        assertThat(last.select("nav.pager a[rel=next]")).isEmpty();
    }

    @Test
    void theSiteCanOpenThreadsOnTheirNewestComments() {
        newestFirst(true);
        Document first = site.get(PAGE).html();
        assertThat(topLevel(first).get(0)).isEqualTo("Top 1500");
        assertThat(first.select("nav.pager a[rel=next]").text()).isEqualTo("Older comments");
        assertThat(topLevel(site.get(PAGE + "?comments=30").html())).last().isEqualTo("Top 1");
    }

    @Test
    void aPagePastTheEndOrNotANumberIsNotFound() {
        assertThat(site.get(PAGE + "?comments=31").status()).isEqualTo(404);
        assertThat(site.get(PAGE + "?comments=0").status()).isEqualTo(404);
        assertThat(site.get(PAGE + "?comments=two").status()).isEqualTo(404);
    }

    @Test
    void everyPageOfTheThreadCostsTheSameQueriesAsAShortThread() {
        Article short_ = content.article("A quiet story").published();
        addComments(short_, 3, 1);
        content.settle();
        int quiet = steadyCost("/articles/a-quiet-story");
        int first = steadyCost(PAGE);
        int last = steadyCost(PAGE + "?comments=30");
        assertThat(first).isEqualTo(quiet);
        assertThat(last).isEqualTo(quiet);
        assertThat(firstRenderCost(PAGE + "?comments=7")).as("a page built afresh: one statement reads it")
                .isLessThanOrEqualTo(quiet + 1);
    }

    @Test
    void repliesToWithdrawnCommentsTakeTheirPlaceAtTheTopLevelAndCountAsConversations() {
        content.jdbc().sql("update comments set status = 'REJECTED' where article_id = ? and body in "
                + "(select 'Top ' || i from generate_series(1, 50) i)").param(article.getId()).update();
        content.settle();

        assertThat(topLevel(site.get(PAGE).html()).get(0)).isEqualTo("Top 51");
        // 1,450 conversations left, and the 50 replies now standing alone: still 30 pages, the last of them theirs.
        Document last = site.get(PAGE + "?comments=30").html();
        assertThat(topLevel(last)).hasSize(CommentThreads.PAGE_SIZE).first().isEqualTo("Reply to 1");
        assertThat(topLevel(last)).last().isEqualTo("Reply to 50");
        assertThat(site.get(PAGE + "?comments=31").status()).isEqualTo(404);
    }

    private int steadyCost(String path) {
        site.get(path);
        queries.reset();
        assertThat(site.get(path).status()).isEqualTo(200);
        return queries.count();
    }

    private int firstRenderCost(String path) {
        queries.reset();
        assertThat(site.get(path).status()).isEqualTo(200);
        return queries.count();
    }

    @Test
    void aCommentsOwnAddressLeadsToThePageOfTheThreadThatShowsIt() {
        long top120 = commentId("Top 120");
        long reply60 = commentId("Reply to 60");

        SiteClient.Page permalink = site.get("/comments/" + top120);
        assertThat(permalink.status()).isEqualTo(302);
        assertThat(permalink.header("Cache-Control")).contains("no-store");
        assertThat(permalink.header("Location")).endsWith(PAGE + "?comments=3#comment-" + top120);
        assertThat(site.get(PAGE + "?comments=3").html().select("#comment-" + top120)).hasSize(1);
        assertThat(site.get(PAGE).html().select("#comment-" + top120)).as("not on the first page").isEmpty();
        // A reply is on the page of the conversation it belongs to.
        assertThat(site.get("/comments/" + reply60).header("Location")).endsWith(PAGE + "?comments=2#comment-" + reply60);
        assertThat(site.get("/comments/" + commentId("Top 1")).header("Location")).endsWith(PAGE + "#comment-"
                + commentId("Top 1"));

        newestFirst(true);
        assertThat(site.get("/comments/" + top120).header("Location"))
                .endsWith(PAGE + "?comments=28#comment-" + top120);
        assertThat(site.get(PAGE + "?comments=28").html().select("#comment-" + top120)).hasSize(1);
    }

    @Test
    void theAddressOfACommentNoReaderSeesIsNotFound() {
        long held = commentId("Top 7");
        content.jdbc().sql("update comments set status = 'PENDING' where id = ?").param(held).update();
        content.settle();
        assertThat(site.get("/comments/" + held).status()).isEqualTo(404);
        assertThat(site.get("/comments/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(site.get("/comments/seven").status()).isEqualTo(404);
        assertThat(site.get("/comments/0").status()).isEqualTo(404);

        content.jdbc().sql("update articles set status = 'DRAFT' where id = ?").param(article.getId()).update();
        content.settle();
        assertThat(site.get("/comments/" + commentId("Top 8")).status()).as("under an unpublished article")
                .isEqualTo(404);
    }

    private long commentId(String body) {
        return content.jdbc().sql("select id from comments where article_id = ? and body = ?")
                .param(article.getId()).param(body).query(Long.class).single();
    }

    private void newestFirst(boolean newestFirst) {
        var now = settings.current();
        settings.save(new SiteSettingsAdmin.Values(now.name(), now.tagline(), now.about(), now.socialLinks(),
                now.commentsEnabled(), now.commentsPremoderated(), now.commentsCloseAfterDays(), now.commentPolicy(),
                newestFirst), AuditLog.Actor.SYSTEM);
        content.settle();
    }

    /** Top-level comments "Top 1".."Top n", a second apart, and "Reply to i" under each of the first {@code replies}. */
    private void addComments(Article target, int topLevel, int replies) {
        Timestamp start = Timestamp.from(content.now().minusSeconds(10_000));
        content.jdbc().sql("""
                insert into comments (article_id, author_name, author_email, body, status, created_at)
                select :article, 'Reader ' || i, 'reader' || i || '@example.com', 'Top ' || i, 'APPROVED',
                       cast(:start as timestamptz) + i * interval '1 second'
                from generate_series(1, :n) i""")
                .param("article", target.getId()).param("start", start).param("n", topLevel).update();
        content.jdbc().sql("""
                insert into comments (article_id, parent_id, author_name, author_email, body, status, created_at)
                select c.article_id, c.id, 'Replier', 'replier@example.com', 'Reply to ' || substr(c.body, 5),
                       'APPROVED', c.created_at + interval '5000 seconds'
                from comments c where c.article_id = :article and c.parent_id is null
                  and c.body in (select 'Top ' || i from generate_series(1, :n) i)""")
                .param("article", target.getId()).param("n", replies).update();
    }

    private static List<String> topLevel(Document page) {
        return page.select(".comment-list > .comment > article .comment-body").eachText();
    }
}
