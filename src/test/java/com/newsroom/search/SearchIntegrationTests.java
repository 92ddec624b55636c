package com.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class SearchIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void findsArticlesByWordsThatAppearOnlyInTheirBody() {
        content.article("Rooftops across the city").dek("Owners sign up in record numbers.")
                .body("Installers report that photovoltaic panels now cover a third of new homes.").published();
        content.article("Something else entirely").published();

        Document page = ok("/search?q=photovoltaic");

        assertThat(titles(page)).containsExactly("Rooftops across the city");
        assertThat(page.select(".search-snippet mark").eachText()).containsExactly("photovoltaic");
        assertThat(page.select(".search-summary").text()).contains("1 article matches “photovoltaic”");
        assertThat(page.title()).isEqualTo("Search results for “photovoltaic” — Newsroom");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void matchesInTheTitleRankAboveMatchesInTheBodyAndDek() {
        Instant now = content.now();
        content.article("Harbour cranes go electric").dek("A quieter port.")
                .body("Turbine makers say the turbine, turbine and turbine again.").publishedAt(now);
        content.article("Turbine orders slow at last").dek("Makers cut forecasts.")
                .body("Factories report fewer orders.").publishedAt(now.minus(Duration.ofDays(30)));
        content.article("Crews wanted for maintenance").dek("Turbine crews are short-staffed.")
                .body("Crews travel far.").publishedAt(now.minus(Duration.ofDays(2)));

        Document page = ok("/search?q=turbines");

        // The title match comes first although it is the oldest and says "turbine" only once.
        assertThat(titles(page)).hasSize(3).first().isEqualTo("Turbine orders slow at last");
        assertThat(titles(page)).contains("Crews wanted for maintenance", "Harbour cranes go electric");
        assertThat(page.select(".search-hit .card-title mark").eachText()).containsExactly("Turbine");
    }

    @Test
    void snippetsEscapeArticleTextAndOnlyMarkTheMatches() {
        content.article("Airships return").dek("")
                .body("The zeppelin fleet & its crew quote `<b>bold</b> <script>alert(1)</script>` verbatim.")
                .published();

        Document page = ok("/search?q=zeppelin");

        Element snippet = page.selectFirst(".search-snippet");
        assertThat(snippet.select("mark").eachText()).containsExactly("zeppelin");
        assertThat(snippet.children()).allMatch(child -> child.tagName().equals("mark"));
        assertThat(snippet.text()).contains("& its crew", "<b>bold</b>", "<script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
    }

    @Test
    void passagesComeFromTheOpeningOfALongBodyAndNeverShowHalfATag() {
        String opening = "Lighthouse keepers kept logs through storm and calm for two centuries. ";
        StringBuilder body = new StringBuilder(opening);
        for (int i = 0; body.length() < 3 * ArticleSearch.SNIPPET_BODY_CHARS; i++) {
            body.append("Entry [").append(i).append("](https://example.org/logs/").append(i).append(") notes ")
                    .append(i == 12 ? "an albatross" : i == 40 ? "a petrel" : "calm seas").append(". ");
        }
        long id = content.article("Keepers of the light").dek("").body(body.toString()).published().getId();
        String passage = jdbc.sql("select left(body_html, :chars) from articles where id = :id")
                .param("chars", ArticleSearch.SNIPPET_BODY_CHARS).param("id", id).query(String.class).single();
        assertThat(passage).contains("albatross").doesNotContain("petrel");
        assertThat(passage.lastIndexOf('<')).as("the passage ends inside a tag").isGreaterThan(passage.lastIndexOf('>'));

        Element nearTheCut = ok("/search?q=albatross").selectFirst(".search-snippet");
        assertThat(nearTheCut.select("mark").eachText()).containsExactly("albatross");
        assertThat(nearTheCut.text()).doesNotContain("<", ">", "href", "example.org");

        // Words past the passage still find the article; its opening stands in for a passage.
        Document beyond = ok("/search?q=petrel");
        assertThat(titles(beyond)).containsExactly("Keepers of the light");
        assertThat(beyond.selectFirst(".search-snippet").text()).startsWith(opening.strip());
        assertThat(beyond.select(".search-snippet mark")).isEmpty();
    }

    @Test
    void onlyPublishedArticlesAreFound() {
        content.article("Published walrus story").published();
        content.article("Draft walrus story").draft();

        assertThat(titles(ok("/search?q=walrus"))).containsExactly("Published walrus story");
    }

    @Test
    void tagNamesAreSearchedAndFollowRenamesAndRetagging() {
        Tag tag = content.tag("Geothermal");
        content.article("Heat from below").body("Drilling starts.").tagged(tag).published();

        assertThat(titles(ok("/search?q=geothermal"))).containsExactly("Heat from below");

        jdbc.sql("update tags set name = 'Volcanic heat' where id = :id").param("id", tag.getId()).update();
        assertThat(titles(ok("/search?q=geothermal"))).isEmpty();
        assertThat(titles(ok("/search?q=volcanic"))).containsExactly("Heat from below");

        jdbc.sql("delete from article_tags where tag_id = :id").param("id", tag.getId()).update();
        assertThat(titles(ok("/search?q=volcanic"))).isEmpty();
    }

    /** Search reads its own copy of each published article's words (article_search): it must follow every change. */
    @Test
    void searchFollowsAnArticleThroughEditsMovesWithdrawalAndRepublication() {
        Category energy = content.category("Energy");
        Category money = content.category("Money");
        Instant now = content.now();
        long id = content.article("Glacier retreat measured").in(energy).body("Surveyors mapped the moraine.")
                .publishedAt(now.minus(Duration.ofDays(1))).getId();
        content.article("Coastal towns prepare").in(money).body("Officials say the ice sheet shrinks each year.")
                .publishedAt(now);
        assertThat(titles(ok("/search?q=moraine&category=energy"))).containsExactly("Glacier retreat measured");
        assertThat(titles(ok("/search?q=shrinks"))).containsExactly("Coastal towns prepare");

        update("update articles set body_html = '<p>Surveyors mapped a drumlin.</p>', title = 'Ice sheet shrinks' "
                + "where id = :id", id);
        assertThat(titles(ok("/search?q=moraine"))).isEmpty();
        assertThat(titles(ok("/search?q=glacier"))).isEmpty();
        assertThat(titles(ok("/search?q=drumlin"))).containsExactly("Ice sheet shrinks");
        assertThat(titles(ok("/search?q=shrinks"))).as("a match in the new title ranks first")
                .containsExactly("Ice sheet shrinks", "Coastal towns prepare");

        assertThat(jdbc.sql("update articles set primary_category_id = :category where id = :id")
                .param("category", money.getId()).param("id", id).update()).isEqualTo(1);
        assertThat(titles(ok("/search?q=drumlin&category=energy"))).isEmpty();
        assertThat(titles(ok("/search?q=drumlin&category=money"))).containsExactly("Ice sheet shrinks");

        update("update articles set status = 'ARCHIVED' where id = :id", id);
        assertThat(titles(ok("/search?q=drumlin"))).isEmpty();

        update("update articles set status = 'PUBLISHED', body_html = '<p>An esker too.</p>' where id = :id", id);
        assertThat(titles(ok("/search?q=esker"))).containsExactly("Ice sheet shrinks");
        assertThat(titles(ok("/search?q=drumlin"))).isEmpty();

        update("delete from articles where id = :id", id);
        assertThat(titles(ok("/search?q=esker"))).isEmpty();
    }

    private void update(String sql, long id) {
        assertThat(jdbc.sql(sql).param("id", id).update()).as(sql).isEqualTo(1);
    }

    @Test
    void phrasesAndExclusionsWorkTheWayPeopleTypeThem() {
        content.article("Port builds a digital twin").body("Planners model the harbour.").published();
        content.article("Twin cities go digital").body("Councils publish budgets.").published();

        assertThat(titles(ok("/search?q=" + encode("\"digital twin\"")))).containsExactly("Port builds a digital twin");
        assertThat(titles(ok("/search?q=" + encode("digital -harbour")))).containsExactly("Twin cities go digital");
        assertThat(titles(ok("/search?q=" + encode("budgets or harbour")))).hasSize(2);
    }

    @Test
    void passagesMarkTheWordsPostgresqlMatchedInEveryFormAndNothingElse() {
        content.article("Night shift").dek("Dockers ran the cranes.")
                .body("Running cranes at night, the harbour's crews kept happy skies above the markets.").published();

        Document page = ok("/search?q=" + encode("\"running cranes\" harbours happiness sky"));

        assertThat(titles(page)).containsExactly("Night shift");
        assertThat(page.select(".search-snippet mark").eachText())
                .containsExactly("cranes", "Running", "cranes", "harbour", "happy", "skies");
    }

    @Test
    void categoryFilterKeepsResultsToOneSection() {
        Category energy = content.category("Energy");
        Category money = content.category("Money");
        content.article("Battery prices fall").in(energy).published();
        content.article("Battery makers raise money").in(money).published();

        Document page = ok("/search?q=battery&category=energy");

        assertThat(titles(page)).containsExactly("Battery prices fall");
        assertThat(page.select("#search-category option[selected]").attr("value")).isEqualTo("energy");
        assertThat(site.get("/search?q=battery&category=no-such-section").status()).isEqualTo(400);
    }

    @Test
    void emptyQueryShowsTheFormWithAFriendlyPrompt() {
        content.article("Anything").published();
        for (String query : List.of("", "?q=", "?q=%20%20%20", "?q=%09")) {
            var response = site.get("/search" + query);
            assertThat(response.status()).as(query).isEqualTo(200);
            Document page = response.html();
            assertThat(page.select(".search-message").text()).as(query).contains("Type a word or phrase");
            assertThat(page.select(".search-hit")).as(query).isEmpty();
            assertThat(page.select("form[role=search] input[name=q]")).as(query).isNotEmpty();
        }
    }

    @Test
    void overLongQueryIsRefusedOnTheSearchPageKeepingWhatWasTyped() {
        String typed = "word ".repeat(50).strip();
        var response = site.get("/search?q=" + encode(typed));

        assertThat(response.status()).isEqualTo(400);
        Document page = response.html();
        assertThat(page.select("[role=alert]").text()).contains("too long", "200 characters");
        assertThat(page.select("#search-query").attr("value")).isEqualTo(typed);
        assertThat(page.select(".site-name").text()).isEqualTo("Newsroom");
        assertThat(site.get("/search?q=" + encode("x".repeat(200))).status()).isEqualTo(200);
    }

    @Test
    void noResultsPageSaysSoAndOffersTips() {
        content.article("Anything").published();
        Document page = ok("/search?q=xylophone");
        assertThat(page.select(".search-none").text()).contains("No articles match “xylophone”", "Check the spelling");
        assertThat(page.select(".search-hit")).isEmpty();
    }

    @Test
    void syntaxCharactersStopWordsAndGarbageNeverFail() {
        content.article("Quotes and colons").body("Operators like and, or and not.").published();
        List<String> queries = List.of("\"unbalanced", "a & | ! ( ) :* <-> b", "'; drop table articles; --",
                "\\", "-", "or", "\"\"", "the and of", "!!!", "%", "_", "&#x3C;script&#x3E;", "<script>alert(1)</script>",
                "🙂 emoji", "ünïcödé", "a\u0000b", "x:*", "quote's");
        for (String query : queries) {
            var response = site.get("/search?q=" + encode(query));
            assertThat(response.status()).as(query).isEqualTo(200);
            assertThat(response.html().select("h1").text()).as(query).startsWith("Results for");
            assertThat(response.body()).as(query).doesNotContain("<script>alert(1)</script>");
        }
        assertThat(jdbc.sql("select count(*) from articles").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void resultsArePagedWithLinksAndPagesBeyondTheEndAreNotFound() {
        Instant now = content.now();
        for (int i = 0; i < 23; i++) {
            content.article("Glacier report " + i).publishedAt(now.minus(Duration.ofMinutes(i)));
        }
        List<String> seen = new ArrayList<>();
        String url = "/search?q=glacier";
        int pages = 0;
        while (url != null) {
            Document page = ok(url);
            pages++;
            seen.addAll(titles(page));
            Element next = page.selectFirst(".pager a[rel=next]");
            url = next == null ? null : next.attr("href");
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("Glacier report 0");
        assertThat(ok("/search?q=glacier&page=3").select(".search-results").attr("start")).isEqualTo("21");

        assertThat(site.get("/search?q=glacier&page=4").status()).isEqualTo(404);
        assertThat(site.get("/search?q=glacier&page=51").status()).isEqualTo(400);
        assertThat(site.get("/search?q=glacier&page=abc").status()).isEqualTo(400);
    }

    @Test
    void everyPageHasALabelledSearchBoxInTheHeader() {
        content.article("Anything").published();
        for (String path : List.of("/", "/latest", "/articles/anything", "/search")) {
            Document page = ok(path);
            Element form = page.selectFirst("header.site-header form[role=search]");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("action")).isEqualTo("/search");
            Element input = form.selectFirst("input[name=q]");
            assertThat(page.select("label[for=" + input.id() + "]").text()).isEqualTo("Search articles");
        }
    }

    private Document ok(String path) {
        var response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.html();
    }

    private static List<String> titles(Document page) {
        return page.select(".search-hit .card-title").eachText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
