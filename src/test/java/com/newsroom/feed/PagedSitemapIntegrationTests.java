package com.newsroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** With tiny sitemap pages, to see the paging that 100,000 articles need. */
@IntegrationTest
@TestPropertySource(properties = "newsroom.feeds.sitemap-page-size=3")
class PagedSitemapIntegrationTests {

    private static final String BASE = SitemapIntegrationTests.BASE;

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void articlesAndTagsAreSplitAcrossPagesAndEveryPublishedOneIsListedOnce() throws Exception {
        List<String> expected = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tags.add(content.tag("Tag " + i));
        }
        for (int i = 1; i <= 8; i++) {
            var article = content.article("Story " + i).tagged(tags.get(i % 5));
            if (i == 4 || i == 5 || i == 6) {
                article.draft();  // ids 4 to 6: the second page has no published article
            }
            else {
                article.published();
                expected.add(BASE + "/articles/story-" + i);
            }
        }

        SitemapXml index = SitemapXml.parse(site.get("/sitemap.xml").body());

        assertThat(index.entries().keySet()).containsExactly(BASE + "/sitemap-sections.xml",
                BASE + "/sitemap-articles-1.xml", BASE + "/sitemap-articles-3.xml", BASE + "/sitemap-tags-1.xml",
                BASE + "/sitemap-tags-2.xml", BASE + "/sitemap-news.xml");
        List<String> listed = new ArrayList<>();
        for (String page : List.of("/sitemap-articles-1.xml", "/sitemap-articles-3.xml")) {
            listed.addAll(SitemapXml.parse(site.get(page).body()).entries().keySet());
        }
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(site.get("/sitemap-articles-2.xml").status()).isEqualTo(404);
        List<String> tagUrls = new ArrayList<>();
        for (String page : List.of("/sitemap-tags-1.xml", "/sitemap-tags-2.xml")) {
            tagUrls.addAll(SitemapXml.parse(site.get(page).body()).entries().keySet());
        }
        // Tags 1 and 5 are only on drafts; tags 2 and 3 fill the first page, tag 4 the second.
        assertThat(tagUrls).containsExactly(BASE + "/tag/tag-2", BASE + "/tag/tag-3", BASE + "/tag/tag-4");
    }
}
