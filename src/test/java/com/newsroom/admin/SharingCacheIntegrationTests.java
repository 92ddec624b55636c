package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.Editor;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/** With the page cache on, a new meta description or social image reaches the cached article page at once. */
@ProductionCacheIntegrationTest
class SharingCacheIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    ArticleEditor articles;

    @Autowired
    SiteClient site;

    @Test
    void savingOnlyTheMetaDescriptionAndSocialImageRefreshesTheCachedPage() {
        content.reset();
        Article article = content.article("Harbour story").body("The harbour at dawn.").published();
        var account = staff.create("Erin Editor", Role.EDITOR);
        Editor editor = new Editor(account.getStaffId(), "Erin Editor", true);
        content.settle();
        site.get("/articles/harbour-story");
        SiteClient.Page cached = site.get("/articles/harbour-story");
        assertThat(cached.header("X-Cache")).isEqualTo("HIT");
        assertThat(cached.html().select("meta[name=description]").attr("content")).isEqualTo("The harbour at dawn.");

        var loaded = articles.load(article.getId(), editor);
        ArticleInput c = loaded.content();
        articles.update(article.getId(), loaded.version(), new ArticleInput(c.title(), c.slug(), c.dek(),
                c.bodyMarkdown(), c.excerpt(), c.heroImageUrl(), c.heroImageAlt(), c.heroImageCaption(),
                c.categoryId(), c.tagNames(), c.authorIds(), c.featured(), c.commentsOpen(),
                "Cranes, ships and the early shift.", "/img/favicon.svg", "The logo"), editor);
        content.settle();

        SiteClient.Page fresh = site.get("/articles/harbour-story");
        assertThat(fresh.header("X-Cache")).isEqualTo("MISS");
        assertThat(fresh.html().select("meta[name=description]").attr("content"))
                .isEqualTo("Cranes, ships and the early shift.");
        assertThat(fresh.html().select("meta[property=og:image]").attr("content")).endsWith("/img/favicon.svg");
    }
}
