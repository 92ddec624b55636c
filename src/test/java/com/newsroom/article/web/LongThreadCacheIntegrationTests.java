package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.comment.CommentStatus;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestContent;

/** Each page of a long thread is a cached page of its own, under the article's key, and goes when the thread changes. */
@ProductionCacheIntegrationTest
class LongThreadCacheIntegrationTests {

    private static final String PAGE = "/articles/a-busy-thread";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    Article article;

    @BeforeEach
    void aThreadOfThreePages() {
        content.reset();
        article = content.article("A busy thread").published();
        for (int i = 1; i <= 120; i++) {
            content.comment(article, null, "Reader " + i, "Comment " + i, CommentStatus.APPROVED);
        }
        content.settle();
    }

    @Test
    void eachThreadPageIsCachedUnderTheArticleAndDroppedByANewComment() {
        assertThat(site.get(PAGE + "?comments=2").header("X-Cache")).isEqualTo("MISS");
        Page cached = site.get(PAGE + "?comments=2");
        assertThat(cached.header("X-Cache")).isEqualTo("HIT");
        assertThat(cached.header("Surrogate-Key")).contains("article-" + article.getId());
        assertThat(cached.html().select(".comment-body").first().text()).isEqualTo("Comment 51");
        assertThat(site.get(PAGE).html().select(".comment-body").first().text()).as("page 1 is its own page")
                .isEqualTo("Comment 1");

        content.comment(article, null, "Late reader", "Comment 121", CommentStatus.APPROVED);
        content.settle();

        Page reloaded = site.get(PAGE + "?comments=3");
        assertThat(reloaded.html().select(".comment-body").eachText()).contains("Comment 121");
        assertThat(site.get(PAGE + "?comments=2").header("X-Cache")).isEqualTo("MISS");
    }
}
