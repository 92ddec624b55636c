package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/**
 * Images from the article editor (uploaded through the media library, alt text required), responsive images on
 * article pages and cards, and the meta description and social image a shared link shows.
 */
@IntegrationTest
class EditorImagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Account editor;

    Account author;

    Category category;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        author = staff.create("Andy Author", Role.AUTHOR);
        category = content.category("Technology");
    }

    private MockHttpServletResponse upload(Account as, String alt, boolean withToken) throws Exception {
        var request = multipart("/admin/media/uploads")
                .file(new MockMultipartFile("file", "harbour.png", "image/png", MediaLibraryIntegrationTests.png(2000, 1000)))
                .param("altText", alt).header("Accept", "application/json").with(staff.as(as));
        return mvc.perform(withToken ? request.with(csrf()) : request).andReturn().getResponse();
    }

    private String key() {
        return jdbc.sql("select public_key from media order by id desc limit 1").query(String.class).single();
    }

    @Test
    void authorUploadsFromTheEditorAndGetsTheMarkdownForTheLargeVariant() throws Exception {
        MockHttpServletResponse response = upload(author, "Cranes at [the] harbour", true);

        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode answer = json.readTree(response.getContentAsString());
        assertThat(answer.get("markdown").asString())
                .isEqualTo("![Cranes at \\[the\\] harbour](/media/" + key() + "/large)");
        assertThat(answer.get("width").asInt()).isEqualTo(1600);
        assertThat(answer.get("height").asInt()).isEqualTo(800);
        assertThat(jdbc.sql("select actor_name || ' | ' || subject from audit_log where action = 'media.uploaded'")
                .query(String.class).single()).isEqualTo("Andy Author | Cranes at [the] harbour");
    }

    @Test
    void emptyAltTextIsRefusedWith422AndAMessageTheEditorCanShow() throws Exception {
        MockHttpServletResponse response = upload(author, "  ", true);

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode answer = json.readTree(response.getContentAsString());
        assertThat(answer.get("field").asString()).isEqualTo("altText");
        assertThat(answer.get("message").asString()).isEqualTo("Write alt text for the image (up to 300 characters).");
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void uploadWithoutTheCsrfTokenOrByAModeratorIsRefused() throws Exception {
        assertThat(upload(author, "Cranes", false).getStatus()).isEqualTo(403);
        assertThat(upload(staff.create("Mo Moderator", Role.MODERATOR), "Cranes", true).getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void libraryImagesInTheBodyComeWithTheirVariantsAndSizesOthersDoNot() throws Exception {
        upload(editor, "Cranes", true);
        String key = key();
        long id = create(fields("Harbour story", """
                The harbour at dawn.

                ![Cranes at dawn](/media/%s/large)

                ![A thumbnail](/media/%s/thumb)

                ![Elsewhere](https://example.org/photo.png)

                <img src="https://example.org/x.png" srcset="/media/%s/large 1600w" width="9" sizes="100vw">
                """.formatted(key, key, key)));
        publish(id);

        Document page = page("/articles/harbour-story", editor);
        Element large = page.selectFirst(".article-body img[alt=Cranes at dawn]");
        assertThat(large.attr("src")).isEqualTo("/media/" + key + "/large");
        assertThat(large.attr("srcset").replace(" , ", ", ")).isEqualTo("/media/%1$s/thumb 240w, /media/%1$s/card 640w, /media/%1$s/large 1600w"
                .formatted(key));
        assertThat(large.attr("width")).isEqualTo("1600");
        assertThat(large.attr("height")).isEqualTo("800");
        assertThat(large.attr("sizes")).isEqualTo("(min-width: 44rem) 42rem, calc(100vw - 2rem)");
        assertThat(large.attr("loading")).isEqualTo("lazy");
        Element thumb = page.selectFirst(".article-body img[alt=A thumbnail]");
        assertThat(thumb.attr("width")).isEqualTo("240");
        assertThat(thumb.attr("sizes")).isEqualTo("(min-width: 272px) 240px, calc(100vw - 2rem)");
        Element elsewhere = page.selectFirst(".article-body img[alt=Elsewhere]");
        assertThat(elsewhere.attributes().asList()).extracting(a -> a.getKey()).containsOnly("src", "alt");
        Element raw = page.selectFirst(".article-body img[src=https://example.org/x.png]");
        assertThat(raw.hasAttr("srcset") || raw.hasAttr("width") || raw.hasAttr("sizes"))
                .as("another site's image gets none of the responsive attributes").isFalse();
    }

    @Test
    void heroAndCardsOfferTheVariantsWithTheirRealSizes() throws Exception {
        upload(editor, "Cranes", true);
        String key = key();
        long mediaId = jdbc.sql("select id from media").query(Long.class).single();
        Map<String, String> form = fields("Harbour story", "The harbour at dawn.");
        form.put("heroMediaId", String.valueOf(mediaId));
        long id = create(form);
        publish(id);

        Element hero = page("/articles/harbour-story", editor).selectFirst("figure.hero img");
        assertThat(hero.attr("src")).isEqualTo("/media/" + key + "/large");
        assertThat(hero.attr("srcset")).contains("/media/" + key + "/card 640w").contains("1600w");
        assertThat(hero.attr("width")).isEqualTo("1600");
        assertThat(hero.attr("height")).isEqualTo("800");
        assertThat(hero.attr("sizes")).isNotBlank();
        assertThat(hero.attr("alt")).isEqualTo("Cranes");

        Element card = page("/latest", editor).selectFirst(".card-image img");
        assertThat(card.attr("src")).isEqualTo("/media/" + key + "/card");
        assertThat(card.attr("srcset")).contains("240w").contains("640w").contains("1600w");
        assertThat(card.attr("width")).isEqualTo("640");
        assertThat(card.attr("height")).isEqualTo("320");
    }

    @Test
    void metaDescriptionAndSocialImageGoToTheHeadAndTheStructuredData() throws Exception {
        upload(editor, "Cranes for sharing", true);
        long mediaId = jdbc.sql("select id from media").query(Long.class).single();
        String key = key();
        Map<String, String> form = fields("Harbour story", "The harbour at dawn.");
        form.put("heroImageUrl", "https://example.org/hero.jpg");
        form.put("heroImageAlt", "Hero");
        form.put("metaDescription", "Cranes, ships and the early shift.");
        form.put("socialMediaId", String.valueOf(mediaId));
        long id = create(form);
        publish(id);

        Document page = page("/articles/harbour-story", editor);
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Cranes, ships and the early shift.");
        assertThat(page.select("meta[property=og:description]").attr("content"))
                .isEqualTo("Cranes, ships and the early shift.");
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith("/media/" + key + "/large");
        assertThat(page.select("meta[property=og:image:alt]").attr("content")).isEqualTo("Cranes for sharing");
        assertThat(page.select("meta[name=twitter:image]").attr("content")).endsWith("/media/" + key + "/large");
        JsonNode ld = json.readTree(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("description").asString()).isEqualTo("Cranes, ships and the early shift.");
        assertThat(ld.get("image").get(0).asString()).endsWith("/media/" + key + "/large");

        Document editorPage = page("/admin/articles/" + id + "/edit", editor);
        assertThat(editorPage.select(".share-card-description").text()).isEqualTo("Cranes, ships and the early shift.");
        assertThat(editorPage.select(".share-card-image img").attr("src")).isEqualTo("/media/" + key + "/card");
        assertThat(editorPage.select(".share-card-title").text()).isEqualTo("Harbour story");
        assertThat(editorPage.select("#meta-description-count").text()).isEqualTo("34 of 160 characters");

        // Emptied, they fall back to the excerpt (the first paragraph) and the hero; the revisions keep both.
        Map<String, String> emptied = fields("Harbour story", "The harbour at dawn.");
        emptied.put("heroImageUrl", "https://example.org/hero.jpg");
        emptied.put("heroImageAlt", "Hero");
        emptied.put("socialMediaId", "hero");
        emptied.put("version", editorPage.select("#version").attr("value"));
        save(id, emptied);
        Document after = page("/articles/harbour-story", editor);
        assertThat(after.select("meta[name=description]").attr("content")).isEqualTo("The harbour at dawn.");
        assertThat(after.select("meta[property=og:image]").attr("content")).isEqualTo("https://example.org/hero.jpg");
        assertThat(jdbc.sql("select coalesce(meta_description, '-') from article_revisions where article_id = :id"
                + " order by id").param("id", id).query(String.class).list())
                .containsSubsequence("Cranes, ships and the early shift.", "-");
        List<Long> revisions = jdbc.sql("select id from article_revisions where article_id = :id order by id")
                .param("id", id).query(Long.class).list();
        Document compare = page("/admin/articles/" + id + "/compare?from=" + revisions.get(0) + "&to="
                + revisions.get(revisions.size() - 1), editor);
        assertThat(compare.select("h2:contains(Meta description) + .diff del").text())
                .isEqualTo("Cranes, ships and the early shift.");
    }

    @Test
    void metaDescriptionLongerThan160CharactersIsRefusedBesideTheFieldWithTheTextKept() throws Exception {
        Map<String, String> form = fields("Harbour story", "The harbour at dawn.");
        form.put("metaDescription", "x".repeat(161));
        MvcResult result = mvc.perform(send("/admin/articles/new", form, editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#metaDescription").text()).hasSize(161);
        assertThat(page.select(".sharing .field-error").text()).isEqualTo("Keep the meta description to 160 characters.");
    }

    @Test
    void revisionsPageTellsTheNotesAndReturnsBetweenTheSaves() throws Exception {
        long id = create(fields("Harbour story", "First text."));
        content.clock().advance(java.time.Duration.ofMinutes(5));
        assertThat(mvc.perform(post("/admin/articles/" + id + "/review/notes").param("note", "Check the quote.")
                .with(staff.as(editor)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        content.clock().advance(java.time.Duration.ofMinutes(5));
        Map<String, String> again = fields("Harbour story, updated", "Second text.");
        again.put("version", page("/admin/articles/" + id + "/edit", editor).select("#version").attr("value"));
        save(id, again);

        Document history = page("/admin/articles/" + id + "/revisions", editor);
        assertThat(history.select(".revision-table tbody tr")).extracting(Element::text)
                .satisfiesExactly(
                        newest -> assertThat(newest).contains("Harbour story, updated"),
                        note -> assertThat(note).contains("Editor’s note:").contains("Check the quote.")
                                .contains("Erin Editor"),
                        first -> assertThat(first).contains("Harbour story").doesNotContain("note"));
        assertThat(history.select("input[name=to][checked]").val())
                .isEqualTo(history.select(".revision-table tbody tr").first().select("input[name=to]").val());
    }

    private Map<String, String> fields(String title, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("bodyMarkdown", body);
        fields.put("categoryId", String.valueOf(category.getId()));
        fields.put("authorIds", String.valueOf(editor.getStaffId()));
        return fields;
    }

    private long create(Map<String, String> fields) throws Exception {
        MvcResult result = mvc.perform(send("/admin/articles/new", fields, editor)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    private void save(long id, Map<String, String> fields) throws Exception {
        MvcResult result = mvc.perform(send("/admin/articles/" + id + "/edit", fields, editor)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
    }

    private void publish(long id) throws Exception {
        assertThat(mvc.perform(post("/admin/articles/" + id + "/publish").with(staff.as(editor)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private MockHttpServletRequestBuilder send(String path, Map<String, String> fields, Account as) {
        MockHttpServletRequestBuilder request = post(path).with(staff.as(as)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private Document page(String path, Account as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(staff.as(as))).andReturn().getResponse().getContentAsString());
    }
}
