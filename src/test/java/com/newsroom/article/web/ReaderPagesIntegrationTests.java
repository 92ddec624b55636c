package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class ReaderPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    ArticleEditor articleService;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void homePageShowsLeadStoryLatestNewsAndASectionPerCategory() throws Exception {
        Category ai = content.category("AI");
        Category crypto = content.category("Crypto");
        Instant now = content.now();
        content.article("An older AI story").in(ai).publishedAt(now.minus(Duration.ofHours(5)));
        content.article("The featured story").in(ai).featured().publishedAt(now.minus(Duration.ofHours(3)));
        content.article("The newest crypto story").in(crypto).publishedAt(now.minus(Duration.ofHours(1)));
        content.article("An unpublished draft").in(crypto).draft();

        Document page = html("/");

        assertThat(page.select(".lead-title").text()).isEqualTo("The featured story");
        assertThat(texts(page, ".latest .card-title")).containsExactly("The newest crypto story", "An older AI story");
        assertThat(texts(page, ".category-section h2")).containsExactly("AI", "Crypto");
        assertThat(page.text()).doesNotContain("An unpublished draft");
        assertThat(texts(page, ".site-nav a")).containsExactly("Latest", "AI", "Crypto");
        assertThat(page.select("a.skip-link[href=#main]")).hasSize(1);
        assertThat(page.select("main#main")).hasSize(1);
    }

    @Test
    void emptySiteHomePageSaysNothingIsPublished() throws Exception {
        assertThat(html("/").select("main").text()).contains("Nothing has been published yet");
    }

    @Test
    void articlePageShowsEverythingAReaderExpects() throws Exception {
        Category metaverse = content.category("Metaverse");
        Tag china = content.tag("China");
        Tag policy = content.tag("Policy");
        Author mei = content.author("Mei Zhang");
        Author dan = content.author("Dan Reyes");
        Article article = content.article("China Explores Metaverse with Tech Giants")
                .dek("A ministry working group will draft standards.")
                .body("Opening paragraph.\n\n## The working group\n\nDetails follow.\n\n## What comes next\n\nMore.")
                .in(metaverse).tagged(china, policy).by(mei, dan)
                .hero("/img/demo/metaverse-1.svg", "A city skyline inside a headset")
                .published();
        Article sibling = content.article("Headset makers court regulators").in(metaverse).tagged(china)
                .publishedAt(content.now().minus(Duration.ofHours(2)));
        content.article("A draft about standards").in(metaverse).tagged(china).draft();
        Comment first = content.comment(article, null, "Ada Reader", "Great piece.\nSecond line.",
                CommentStatus.APPROVED);
        content.comment(article, first, "Bo Replier", "I quote: <script>alert(1)</script> https://example.org/report",
                CommentStatus.APPROVED);
        content.comment(article, null, "Pending Person", "Not yet approved", CommentStatus.PENDING);

        Document page = html("/articles/china-explores-metaverse-with-tech-giants");

        assertThat(page.title()).isEqualTo("China Explores Metaverse with Tech Giants — Newsroom");
        assertThat(page.select("h1").text()).isEqualTo("China Explores Metaverse with Tech Giants");
        assertThat(page.select(".article-header .dek").text()).isEqualTo("A ministry working group will draft standards.");
        assertThat(page.select(".byline a").eachAttr("href")).containsExactly("/author/mei-zhang", "/author/dan-reyes");
        assertThat(page.select(".byline").text()).isEqualTo("By Mei Zhang and Dan Reyes");
        assertThat(page.select(".byline a[rel=author]")).hasSize(2);
        assertThat(page.select(".published time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(page.select(".reading-time").text()).isEqualTo("1 min read");
        assertThat(page.select(".hero img").attr("alt")).isEqualTo("A city skyline inside a headset");
        assertThat(texts(page, ".article-body h2")).containsExactly("The working group", "What comes next");
        assertThat(page.select(".filed-under a").attr("href")).isEqualTo("/category/metaverse");
        assertThat(page.select(".tags a").eachAttr("href")).containsExactly("/tag/china", "/tag/policy");
        assertThat(texts(page, ".related .card-title")).containsExactly(sibling.getTitle());
        assertThat(page.select(".share-links a")).hasSizeGreaterThanOrEqualTo(4);
        // No inline and no third-party script: only the site's own small enhancements (the comment counter).
        assertThat(page.select("script:not([type=application/ld+json]):not([src])")).isEmpty();
        assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/js/"));
        assertThat(page.select(".follow-links a")).isNotEmpty();
        assertThat(page.select("a[href=#top]")).isNotEmpty();
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/articles/china-explores-metaverse-with-tech-giants");

        assertThat(page.select("#comments-title").text()).isEqualTo("2 comments");
        Element topComment = page.selectFirst(".comment-list > li.comment");
        assertThat(topComment.select("> article .comment-author").text()).isEqualTo("Ada Reader");
        assertThat(topComment.select("> article .comment-body br")).hasSize(1);
        Element reply = topComment.selectFirst(".comment-replies > li.comment");
        assertThat(reply.select(".comment-author").text()).isEqualTo("Bo Replier");
        assertThat(reply.select(".comment-body").text()).contains("<script>alert(1)</script>");
        assertThat(reply.select(".comment-body a").attr("href")).isEqualTo("https://example.org/report");
        assertThat(reply.select(".comment-body a").attr("rel")).contains("nofollow", "ugc");
        assertThat(page.text()).doesNotContain("Not yet approved").doesNotContain("@example.com");
    }

    @Test
    void draftArticleIsNotFound() throws Exception {
        content.article("Still a draft").draft();
        mvc.perform(get("/articles/still-a-draft")).andExpect(status().isNotFound());
    }

    /** Listing cards read every card's byline in one statement: each card keeps its own, in byline order. */
    @Test
    void cardsNameTheirOwnAuthorsInBylineOrder() throws Exception {
        Category science = content.category("Science");
        Author mei = content.author("Mei Zhang");
        Author dan = content.author("Dan Reyes");
        Author ola = content.author("Ola Berg");
        Instant now = content.now();
        content.article("Three bylines").in(science).by(ola, mei, dan).publishedAt(now);
        content.article("No byline").in(science).publishedAt(now.minus(Duration.ofHours(1)));
        content.article("One byline").in(science).by(dan).publishedAt(now.minus(Duration.ofHours(2)));

        for (String listing : List.of("/category/science", "/")) {
            Document page = html(listing);
            assertThat(byline(page, "Three bylines")).as(listing).isEqualTo("By Ola Berg, Mei Zhang and Dan Reyes");
            assertThat(byline(page, "No byline")).as(listing).isEmpty();
            assertThat(byline(page, "One byline")).as(listing).isEqualTo("By Dan Reyes");
        }
    }

    private static String byline(Document page, String title) {
        Element card = page.select("main article:has(a:containsOwn(" + title + "))").first();
        assertThat(card).as(title).isNotNull();
        return card.select(".byline").text();
    }

    @Test
    void unknownArticleAnswersTheSiteStyled404() throws Exception {
        var response = site.get("/articles/no-such-story");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        Document page = response.html();
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select(".site-name").text()).isEqualTo("Newsroom");
        assertThat(page.select("link[rel=stylesheet]")).isNotEmpty();
        assertThat(page.select(".site-nav a")).isNotEmpty();
    }

    @Test
    void unknownPathsAndMalformedSlugsAreNotFound() throws Exception {
        mvc.perform(get("/no/such/page")).andExpect(status().isNotFound());
        mvc.perform(get("/articles/Not A Slug")).andExpect(status().isNotFound());
        mvc.perform(get("/articles/..%2F..%2Fetc%2Fpasswd")).andExpect(status().isNotFound());
        mvc.perform(get("/category/nope")).andExpect(status().isNotFound());
        mvc.perform(get("/tag/nope")).andExpect(status().isNotFound());
        mvc.perform(get("/author/nope")).andExpect(status().isNotFound());
    }

    @Test
    void oldSlugRedirectsPermanentlyToTheCurrentUrl() throws Exception {
        Article article = content.article("Original headline").published();
        articleService.changeSlug(article.getId(), "better-headline", Editor.SYSTEM);

        mvc.perform(get("/articles/original-headline"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/articles/better-headline"));
        mvc.perform(get("/articles/better-headline")).andExpect(status().isOk());

        articleService.changeSlug(article.getId(), "original-headline", Editor.SYSTEM);
        mvc.perform(get("/articles/original-headline")).andExpect(status().isOk());
        mvc.perform(get("/articles/better-headline"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/articles/original-headline"));
    }

    @Test
    void categoryListingPagesThroughEveryArticleOnceNewestFirst() throws Exception {
        Category ai = content.category("AI");
        Category other = content.category("Other");
        Instant now = content.now();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String title = "AI story number " + i;
            content.article(title).in(ai).publishedAt(now.minus(Duration.ofMinutes(i)));
            expected.add(title);
        }
        content.article("Elsewhere").in(other).published();

        List<String> seen = new ArrayList<>();
        String url = "/category/ai";
        int pages = 0;
        while (url != null) {
            Document page = html(url);
            pages++;
            assertThat(page.select("h1").text()).isEqualTo("AI");
            assertThat(page.select(".listing-description").text()).isEqualTo("All about AI.");
            seen.addAll(texts(page, ".card-title"));
            Element next = page.selectFirst("a[rel=next]");
            url = next == null ? null : next.attr("href");
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);

        Document third = html("/category/ai?page=3");
        assertThat(texts(third, ".card-title")).containsExactlyElementsOf(expected.subList(40, 45));
        Element back = third.selectFirst("a[rel=prev]");
        assertThat(back).isNotNull();
    }

    @Test
    void previousLinksWalkBackToTheFirstPage() throws Exception {
        Category ai = content.category("AI");
        Instant now = content.now();
        for (int i = 0; i < 41; i++) {
            content.article("Story " + i).in(ai).publishedAt(now.minus(Duration.ofMinutes(i)));
        }
        Document first = html("/category/ai");
        Document second = html(first.selectFirst("a[rel=next]").attr("href"));
        Document third = html(second.selectFirst("a[rel=next]").attr("href"));
        Document backToSecond = html(third.selectFirst("a[rel=prev]").attr("href"));
        assertThat(texts(backToSecond, ".card-title")).isEqualTo(texts(second, ".card-title"));
        assertThat(backToSecond.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/category/ai");
    }

    @Test
    void tagAndAuthorPagesListTheirPublishedArticles() throws Exception {
        Tag china = content.tag("China");
        Author mei = content.author("Mei Zhang");
        content.article("Tagged and bylined").tagged(china).by(mei).published();
        content.article("Tagged draft").tagged(china).by(mei).draft();
        content.article("Another tagged story").tagged(china).published();

        Document tag = html("/tag/china");
        assertThat(texts(tag, ".card-title")).contains("Tagged and bylined", "Another tagged story")
                .doesNotContain("Tagged draft");
        assertThat(tag.select("h1").text()).isEqualTo("China");
        // A tag without a description of its own (or only blanks) gets a stock one.
        assertThat(tag.select(".listing-description").text()).isEqualTo("Stories tagged “China”.");
        jdbc.sql("update tags set description = ' \t' where slug = 'china'").update();
        assertThat(html("/tag/china").select(".listing-description").text()).isEqualTo("Stories tagged “China”.");
        jdbc.sql("update tags set description = 'Coverage of China.' where slug = 'china'").update();
        assertThat(html("/tag/china").select(".listing-description").text()).isEqualTo("Coverage of China.");
        Document author = html("/author/mei-zhang");
        assertThat(author.select("h1").text()).isEqualTo("Mei Zhang");
        assertThat(author.select(".listing-description").text()).isEqualTo("Mei Zhang writes about technology.");
        assertThat(texts(author, ".card-title")).containsExactly("Tagged and bylined");
    }

    @Test
    void malformedPageNumbersAndCursorsAreBadRequests() throws Exception {
        content.category("AI");
        for (String query : List.of("page=abc", "page=0", "page=-1", "page=99999999999", "page=1.5",
                "after=garbage", "after=1-2&before=1-2", "before=x")) {
            var response = site.get("/category/ai?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.html().select("h1").text()).as(query).isEqualTo("Bad request");
            assertThat(response.body()).as(query).doesNotContain("Exception").doesNotContain("at com.");
        }
        mvc.perform(get("/latest?page=zz")).andExpect(status().isBadRequest());
    }

    @Test
    void pagesPastTheEndAreNotFound() throws Exception {
        content.category("AI");
        content.article("Only one").in(content.category("Crypto")).published();
        mvc.perform(get("/category/ai")).andExpect(status().isOk());
        mvc.perform(get("/category/ai?page=2")).andExpect(status().isNotFound());
        mvc.perform(get("/latest?page=500")).andExpect(status().isNotFound());
    }

    @Test
    void latestListsEveryPublishedArticle() throws Exception {
        content.article("First").publishedAt(content.now().minus(Duration.ofHours(2)));
        content.article("Second").published();
        content.article("Hidden").draft();
        Document page = html("/latest");
        assertThat(texts(page, ".card-title")).containsExactly("Second", "First");
    }

    private Document html(String url) throws Exception {
        var response = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> texts(Document page, String selector) {
        return page.select(selector).eachText();
    }
}
