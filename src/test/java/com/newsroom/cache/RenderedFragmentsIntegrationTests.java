package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.category.Category;
import com.newsroom.comment.CommentStatus;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Parts of pages rendered once and reused ({@code nr:cache}, {@link RenderedFragments}) show what a fresh render
 * would: the same card at another heading level, an edit the moment it is written (straight to the database, as
 * another instance would), and reader text exactly as written, never evaluated as a template. The page cache is
 * off here, so every request renders.
 */
@IntegrationTest
class RenderedFragmentsIntegrationTests {

    @Autowired
    SiteClient site;

    @Autowired
    TestContent content;

    /** In the section "AI", beside a featured lead story published before it. */
    Article story;

    @BeforeEach
    void aPublishedArticle() {
        content.reset();
        Category ai = content.category("AI");
        // The front page leads with the featured story; the kept story is one of its cards.
        content.article("Lead story").in(ai).featured().publishedAt(content.now().minusSeconds(60));
        story = content.article("Kept story").in(ai).by(content.author("Mei Zhang")).published();
    }

    @Test
    void theSameCardKeepsTheHeadingLevelOfEachPage() {
        for (int round = 0; round < 2; round++) {
            Document listing = site.get("/category/ai").html();
            Document home = site.get("/").html();

            assertThat(listing.select(".card-list h2.card-title").eachText()).contains("Kept story");
            assertThat(listing.select(".card-list h3.card-title")).isEmpty();
            assertThat(home.select(".latest h3.card-title").eachText()).containsExactly("Kept story");
            assertThat(home.select(".latest h2.card-title")).isEmpty();
        }
    }

    @Test
    void anEditedArticleShowsOnItsPageOnTheNextRender() {
        assertThat(articlePage().select(".article-body").text()).isNotEqualTo("Rewritten body");
        content.jdbc().sql("update articles set body_html = '<p>Rewritten body</p>', title = 'Retold story' where id = ?")
                .param(story.getId()).update();

        Document page = articlePage();
        assertThat(page.select(".article-body").text()).isEqualTo("Rewritten body");
        assertThat(page.select("#article-title").text()).isEqualTo("Retold story");
        assertThat(page.title()).startsWith("Retold story");
    }

    @Test
    void aCommentCountChangeShowsOnTheCardAtOnce() {
        assertThat(site.get("/category/ai").html().select(".card .comment-count")).isEmpty();
        content.comment(story, null, "Ada", "First", CommentStatus.APPROVED);

        assertThat(site.get("/category/ai").html().select(".card .comment-count").text()).isEqualTo("1 comment");
    }

    @Test
    void readerTextThatLooksLikeATemplateExpressionIsShownAsWritten() {
        // 7 * 191 = 1337: a number no date or time on the page can hold (49 failed this test at minute 49).
        String written = "[[${7*191}]] [(${7*191})] ${7*191}";
        content.comment(story, null, "Mallory", written, CommentStatus.APPROVED);

        for (int round = 0; round < 2; round++) {
            Document page = articlePage();
            assertThat(page.select(".comment-body").text()).isEqualTo(written);
            assertThat(page.select("#comments").text()).doesNotContain("1337");
        }
    }

    private Document articlePage() {
        var page = site.get("/articles/" + story.getSlug());
        assertThat(page.status()).isEqualTo(200);
        return page.html();
    }
}
