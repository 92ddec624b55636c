package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live coverage over real HTTP and PostgreSQL with the production page cache: an editor's updates reach readers
 * without a session on their next reload, because the article's cached page (and feed) is dropped exactly when an
 * update is posted, edited, pinned or deleted, or the live page is closed.
 */
@ProductionCacheIntegrationTest
class LiveCoverageIntegrationTests {

    private static final String PAGE = "/articles/storm-makes-landfall";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    Article article;

    String desk;

    HttpSignIn editor;

    @BeforeEach
    void aPublishedArticleAndAnEditor() {
        content.reset();
        article = content.article("Storm makes landfall").body("What we know so far.").published();
        content.article("Unrelated story").in(content.category("Sport")).published();
        desk = "/admin/articles/" + article.getId() + "/live";
        editor = staff.signedIn("Rosa Live", Role.EDITOR);
        content.settle();
    }

    @Test
    void readersSeeEachNewUpdateOnReloadWhileOtherPagesStayCached() {
        start();
        post("The storm reached the **coast** at 06:10.");
        assertThat(reader().select(".live-marker").text()).startsWith("Live");
        assertThat(site.get(PAGE).header("X-Cache")).isEqualTo("HIT");
        assertThat(site.get(PAGE).header("Surrogate-Key")).contains("article-" + article.getId());
        site.get("/category/sport");
        assertThat(site.get("/category/sport").header("X-Cache")).isEqualTo("HIT");

        post("Power is out in the harbour district.");

        Page reload = site.get(PAGE);
        assertThat(reload.header("X-Cache")).isEqualTo("MISS");
        assertThat(texts(reload.html())).containsExactly("Power is out in the harbour district.",
                "The storm reached the coast at 06:10.");
        assertThat(reload.html().select(".live-update-author").first().text()).isEqualTo("Rosa Live");
        assertThat(reload.html().select(".live-update strong").text()).isEqualTo("coast");
        assertThat(site.get("/category/sport").header("X-Cache")).as("a page without the article stays")
                .isEqualTo("HIT");
    }

    @Test
    void aPinnedUpdateComesFirstAndAnEditKeepsTheEarlierTextForStaff() {
        start();
        long first = post("Evacuation ordered for the coast road.");
        post("Schools closed tomorrow.");
        reader();

        editor.post(desk, desk + "/updates/" + first + "/pin", Map.of("pinned", "true"));
        content.settle();
        Document pinned = reader();
        assertThat(texts(pinned)).containsExactly("Evacuation ordered for the coast road.", "Schools closed tomorrow.");
        assertThat(pinned.select("#update-" + first + " .badge").text()).isEqualTo("Pinned");

        editor.post(desk, desk + "/updates/" + first, Map.of("body", "Evacuation ordered for the coast road and the marina."));
        content.settle();
        assertThat(texts(reader())).first().isEqualTo("Evacuation ordered for the coast road and the marina.");
        Document deskPage = editor.get(desk).html();
        assertThat(deskPage.select("#update-" + first + " .live-history").text())
                .contains("Replaced by Rosa Live").contains("Evacuation ordered for the coast road.");
        assertThat(reader().select(".live-history")).as("history is for staff only").isEmpty();

        editor.post(desk, desk + "/updates/" + first + "/delete", Map.of());
        content.settle();
        assertThat(texts(reader())).containsExactly("Schools closed tomorrow.");
        assertThat(content.jdbc().sql("select action from audit_log where action like 'live.%' order by id")
                .query(String.class).list())
                .containsExactly("live.started", "live.posted", "live.posted", "live.pinned", "live.edited",
                        "live.deleted");
    }

    @Test
    void anEmptyOrOversizeUpdateIsRefusedWithTheTextKept() {
        start();
        Page empty = editor.post(desk, desk + "/updates", Map.of("body", "   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#update-body-error").text()).isEqualTo("Write the update before posting it.");

        String tooLong = "x".repeat(5001);
        Page oversize = editor.post(desk, desk + "/updates", Map.of("body", tooLong));
        assertThat(oversize.status()).isEqualTo(422);
        assertThat(oversize.html().select("#update-body-error").text()).startsWith("An update can be at most 5,000");
        assertThat(oversize.html().select("#update-body").text()).isEqualTo(tooLong);
        assertThat(content.jdbc().sql("select count(*) from live_updates").query(Long.class).single()).isZero();

        long update = post("Roads reopen at noon.");
        Page emptyEdit = editor.post(desk, desk + "/updates/" + update, Map.of("body", ""));
        assertThat(emptyEdit.status()).isEqualTo(422);
        assertThat(emptyEdit.html().select("#edit-" + update + "-error").text()).isEqualTo("Write the update before posting it.");
        assertThat(emptyEdit.html().select("#update-" + update + " details[open]")).isNotEmpty();
        assertThat(texts(reader())).containsExactly("Roads reopen at noon.");
    }

    @Test
    void onlyEditorsRunTheLiveDeskAndEveryFormNeedsItsToken() {
        HttpSignIn author = staff.signedIn("Ari Author", Role.AUTHOR);
        assertThat(author.get(desk).status()).isEqualTo(403);
        assertThat(author.post("/admin/articles", desk + "/start", Map.of()).status()).isEqualTo(403);
        assertThat(editor.postRaw(desk + "/start", Map.of()).status()).as("no CSRF token").isEqualTo(403);
        assertThat(content.jdbc().sql("select count(*) from live_coverage").query(Long.class).single()).isZero();
    }

    @Test
    void aLivePageDescribesItselfAsLiveBlogPostingAndClosingMakesItANewsArticleAgain() {
        start();
        long update = post("Winds of 150 km/h measured at the lighthouse.");
        JsonNode live = jsonLd(reader());
        assertThat(live.get("@type").asString()).isEqualTo("LiveBlogPosting");
        assertThat(live.get("headline").asString()).isEqualTo("Storm makes landfall");
        assertThat(live.has("coverageStartTime")).isTrue();
        assertThat(live.has("coverageEndTime")).isFalse();
        JsonNode posting = live.get("liveBlogUpdate").get(0);
        assertThat(posting.get("@type").asString()).isEqualTo("BlogPosting");
        assertThat(posting.get("articleBody").asString()).isEqualTo("Winds of 150 km/h measured at the lighthouse.");
        assertThat(posting.get("url").asString()).endsWith(PAGE + "#update-" + update);
        assertThat(posting.get("author").get("name").asString()).isEqualTo("Rosa Live");
        assertThat(live.get("dateModified").asString()).isEqualTo(posting.get("datePublished").asString());

        editor.post(desk, desk + "/close", Map.of());
        content.settle();
        Document closed = reader();
        assertThat(closed.select(".live-marker")).isEmpty();
        assertThat(jsonLd(closed).get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(texts(closed)).containsExactly("Winds of 150 km/h measured at the lighthouse.");
        assertThat(closed.select(".live-status").text()).startsWith("Live coverage ended");
        assertThat(content.jdbc().sql("select ended_at is not null from live_coverage").query(Boolean.class).single())
                .isTrue();
        assertThat(editor.post(desk, desk + "/updates", Map.of("body", "Too late")).status()).isEqualTo(409);
        assertThat(content.jdbc().sql("select actor_name from audit_log where action = 'live.closed'")
                .query(String.class).list()).containsExactly("Rosa Live");
    }

    @Test
    void theUpdatesHaveAnAtomFeedLinkedFromThePageAndDroppedWithIt() {
        assertThat(site.get(PAGE + "/live.atom").status()).as("not a live page").isEqualTo(404);
        start();
        post("First update.");
        Document page = reader();
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .endsWith(PAGE + "/live.atom");
        Page feed = site.get(PAGE + "/live.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(site.get(PAGE + "/live.atom").header("X-Cache")).isEqualTo("HIT");

        post("Second update.");
        Document atom = org.jsoup.Jsoup.parse(site.get(PAGE + "/live.atom").body(), "",
                org.jsoup.parser.Parser.xmlParser());
        assertThat(atom.select("entry > title").eachText()).containsExactly("Second update.", "First update.");
        assertThat(atom.select("entry > link").attr("href")).contains(PAGE + "#update-");
        assertThat(atom.select("entry > author > name").first().text()).isEqualTo("Rosa Live");
    }

    private void start() {
        assertThat(editor.post(desk, desk + "/start", Map.of()).status()).isEqualTo(302);
        content.settle();
    }

    private long post(String text) {
        Page posted = editor.post(desk, desk + "/updates", Map.of("body", text));
        assertThat(posted.status()).isEqualTo(302);
        content.settle();
        String location = posted.header("Location");
        return Long.parseLong(location.substring(location.indexOf("#update-") + "#update-".length()));
    }

    private Document reader() {
        Page page = site.get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        return page.html();
    }

    private static List<String> texts(Document page) {
        return page.select(".live-update-body").eachText();
    }

    private static JsonNode jsonLd(Document page) {
        return JsonMapper.builder().build().readTree(page.select("script[type=application/ld+json]").html());
    }
}
