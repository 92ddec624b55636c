package com.newsroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.newsroom.article.Article;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class SharingMetadataIntegrationTests {

    private static final String BASE = "http://localhost:8080";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void articlePageCarriesSharingTagsAndNewsArticleJsonLd() {
        Category metaverse = content.category("Metaverse");
        Tag china = content.tag("China");
        Author mei = content.author("Mei Zhang");
        Author dan = content.author("Dan Reyes");
        Instant published = content.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        content.article("China Explores Metaverse").dek("Standards are coming.").excerpt("A working group forms.")
                .in(metaverse).tagged(china).by(mei, dan).hero("/img/demo/metaverse-1.svg", "A skyline in a headset")
                .publishedAt(published);

        Document page = page("/articles/china-explores-metaverse");
        String url = BASE + "/articles/china-explores-metaverse";

        assertThat(page.title()).isEqualTo("China Explores Metaverse — Newsroom");
        assertThat(meta(page, "name", "description")).isEqualTo("A working group forms.");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo("China Explores Metaverse");
        assertThat(meta(page, "property", "og:description")).isEqualTo("A working group forms.");
        assertThat(meta(page, "property", "og:url")).isEqualTo(url);
        assertThat(meta(page, "property", "og:image")).isEqualTo(BASE + "/img/demo/metaverse-1.svg");
        assertThat(meta(page, "property", "og:image:alt")).isEqualTo("A skyline in a headset");
        assertThat(meta(page, "property", "og:site_name")).isEqualTo("Newsroom");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo("China Explores Metaverse");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(BASE + "/img/demo/metaverse-1.svg");
        assertThat(meta(page, "property", "article:published_time")).isEqualTo(published.toString());

        JsonNode ld = jsonLd(page);
        assertThat(ld.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asString()).isEqualTo("China Explores Metaverse");
        assertThat(ld.path("description").asString()).isEqualTo("A working group forms.");
        assertThat(ld.path("mainEntityOfPage").path("@id").asString()).isEqualTo(url);
        assertThat(ld.path("datePublished").asString()).isEqualTo(published.toString());
        assertThat(Instant.parse(ld.path("dateModified").asString())).isAfterOrEqualTo(published);
        assertThat(ld.path("image").get(0).asString()).isEqualTo(BASE + "/img/demo/metaverse-1.svg");
        List<String> authors = new ArrayList<>();
        ld.path("author").forEach(a -> authors.add(a.path("@type").asString() + " " + a.path("name").asString()
                + " " + a.path("url").asString()));
        assertThat(authors).containsExactly("Person Mei Zhang " + BASE + "/author/mei-zhang",
                "Person Dan Reyes " + BASE + "/author/dan-reyes");
        assertThat(ld.path("publisher").path("@type").asString()).isEqualTo("Organization");
        assertThat(ld.path("publisher").path("name").asString()).isEqualTo("Newsroom");
        assertThat(ld.path("publisher").path("logo").path("url").asString()).startsWith(BASE + "/");
        assertThat(ld.path("articleSection").asString()).isEqualTo("Metaverse");
    }

    @Test
    void articleWithoutHeroImageGetsASummaryCardAndNoImage() {
        content.article("Plain story").published();
        Document page = page("/articles/plain-story");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(page.select("meta[property=og:image]")).isEmpty();
        assertThat(jsonLd(page).has("image")).isFalse();
    }

    @Test
    void correctionsReadersSeeAreInTheJsonLd() {
        var article = content.article("Corrected story").published();
        content.jdbc().sql("insert into article_corrections (article_id, note, created_at) values (?, ?, now())")
                .param(article.getId()).param("An earlier version misnamed the ministry.").update();

        JsonNode correction = jsonLd(site.get("/articles/corrected-story").html()).path("correction").path(0);
        assertThat(correction.path("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(correction.path("text").asString()).isEqualTo("An earlier version misnamed the ministry.");
        assertThat(correction.path("datePublished").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void jsonLdCannotBeBrokenOutOfByATitle() {
        String title = "Quotes \" and </script><script>alert(1)</script> & <!-- tricks";
        content.article(title).slug("tricky-title").published();

        var response = site.get("/articles/tricky-title");
        assertThat(response.body()).doesNotContain("</script><script>alert(1)");
        Document page = response.html();
        // The JSON-LD is the one inline script; the title added none (the page's own /js/ files aside).
        assertThat(page.select("script:not([src])")).hasSize(1);
        assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/js/"));
        assertThat(jsonLd(page).path("headline").asString()).isEqualTo(title);
    }

    @Test
    void everyPublicPageHasItsOwnTitleDescriptionCanonicalAndCards() {
        Category ai = content.category("AI");
        Tag aiTag = content.tag("AI");
        Author mei = content.author("Mei Zhang");
        content.article("A story").in(ai).tagged(aiTag).by(mei).published();

        List<String> paths = List.of("/", "/latest", "/category/ai", "/tag/ai", "/author/mei-zhang",
                "/articles/a-story", "/search");
        List<String> titles = new ArrayList<>();
        for (String path : paths) {
            Document page = page(path);
            titles.add(page.title());
            String canonical = page.select("link[rel=canonical]").attr("href");
            assertThat(canonical).as(path).isEqualTo(BASE + path);
            assertThat(meta(page, "name", "description")).as(path).isNotBlank();
            assertThat(meta(page, "property", "og:title")).as(path).isNotBlank();
            assertThat(meta(page, "property", "og:url")).as(path).isEqualTo(canonical);
            assertThat(meta(page, "property", "og:type")).as(path).isNotBlank();
            assertThat(meta(page, "name", "twitter:card")).as(path).isNotBlank();
            assertThat(page.select("head meta[property=og:title]")).as(path).hasSize(1);
        }
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(page("/tag/ai").title()).isEqualTo("Tagged “AI” — Newsroom");
    }

    private Document page(String path) {
        var response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.html();
    }

    private static String meta(Document page, String attribute, String name) {
        return page.select("head meta[" + attribute + "=" + name + "]").attr("content");
    }

    private JsonNode jsonLd(Document page) {
        var scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        return json.readTree(scripts.first().data());
    }
}
