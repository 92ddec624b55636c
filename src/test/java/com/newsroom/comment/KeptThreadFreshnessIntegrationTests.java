package com.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * The approved comment thread is kept in memory per thread version, and cards are read as a projection: the next
 * uncached render after any change shows it. Changes are written straight to the database, as another instance or
 * a moderator's transaction would, so only the database's own versioning can make them show.
 */
@IntegrationTest
class KeptThreadFreshnessIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    Category ai;

    Article story;

    Comment first;

    @BeforeEach
    void anArticleWithAnApprovedComment() {
        content.reset();
        ai = content.category("AI");
        story = content.article("The story").in(ai).by(content.author("Mei Zhang")).published();
        first = content.comment(story, null, "Ada", "First thoughts", CommentStatus.APPROVED);
        assertThat(thread()).contains("First thoughts");
    }

    @Test
    void aNewlyApprovedCommentShowsOnTheNextRender() {
        content.comment(story, null, "Bo", "Second thoughts", CommentStatus.APPROVED);

        assertThat(thread()).contains("First thoughts", "Second thoughts");
    }

    @Test
    void anEditedApprovedCommentShowsOnTheNextRender() {
        content.jdbc().sql("update comments set body = 'Revised thoughts' where id = ?").param(first.getId()).update();

        assertThat(thread()).contains("Revised thoughts").doesNotContain("First thoughts");
    }

    @Test
    void aWithdrawnCommentIsGoneOnTheNextRender() {
        content.jdbc().sql("update comments set status = 'REJECTED' where id = ?").param(first.getId()).update();

        assertThat(thread()).doesNotContain("First thoughts");
    }

    @Test
    void aHeldCommentLeavesTheThreadVersionAlone() {
        long before = threadVersion();
        content.comment(story, null, "Cy", "Held back", CommentStatus.PENDING);

        assertThat(threadVersion()).isEqualTo(before);
        assertThat(thread()).contains("First thoughts").doesNotContain("Held back");
    }

    @Test
    void anEditedTitleAndBylineShowOnTheNextListingRender() {
        assertThat(site.get("/category/ai").body()).contains("The story", "Mei Zhang");
        content.jdbc().sql("update articles set title = 'The retold story' where id = ?").param(story.getId()).update();
        content.jdbc().sql("update staff set display_name = 'Mei Chang' where slug = 'mei-zhang'").update();

        String listing = site.get("/category/ai").body();
        assertThat(listing).contains("The retold story", "Mei Chang");
        assertThat(site.get("/").body()).contains("The retold story", "Mei Chang");
    }

    private String thread() {
        var page = site.get("/articles/" + story.getSlug());
        assertThat(page.status()).isEqualTo(200);
        return page.html().select("#comments").outerHtml();
    }

    private long threadVersion() {
        return content.jdbc().sql("select coalesce(max(version), 0) from comment_thread_versions where article_id = ?").param(story.getId())
                .query(Long.class).single();
    }
}
