package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.ArticleEditLocks;
import com.newsroom.article.Articles;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/**
 * The editor around the form: what it shows back after a save (the excerpt, the schedule), the staff preview of a
 * draft, the edit lock and the autosave.
 */
@IntegrationTest
class EditorFormIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    Articles articles;

    Account editor;

    Category category;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        category = content.category("Technology");
    }

    @Test
    void excerptLeftEmptyFollowsTheBodyThroughLaterRewrites() throws Exception {
        long id = create(fields("Rates story", "Rates rise again.\n\nMore below."));

        Document form = page("/admin/articles/" + id + "/edit");
        assertThat(form.select("#excerpt").text()).as("the derived excerpt is not handed back as typed").isEmpty();
        save(id, fieldsFrom(form, "bodyMarkdown", "Rates fall at last.\n\nMore below."));

        assertThat(articles.findById(id).orElseThrow().getExcerpt()).isEqualTo("Rates fall at last.");
    }

    @Test
    void excerptTheEditorWroteIsKeptWhateverTheBodySays() throws Exception {
        Map<String, String> own = fields("Rates story", "Rates rise again.");
        own.put("excerpt", "Our own summary.");
        long id = create(own);

        Document form = page("/admin/articles/" + id + "/edit");
        assertThat(form.select("#excerpt").text()).isEqualTo("Our own summary.");
        save(id, fieldsFrom(form, "bodyMarkdown", "Rates fall at last."));

        assertThat(articles.findById(id).orElseThrow().getExcerpt()).isEqualTo("Our own summary.");
    }

    @Test
    void draftPreviewSaysItIsNotPublishedAndShowsNoPublicationDate() throws Exception {
        long id = create(fields("Preview me", "Text."));

        Document preview = page("/admin/articles/" + id + "/preview");

        assertThat(preview.select(".preview-banner").text()).startsWith("Preview — not published");
        assertThat(preview.select(".meta").text()).contains("Not published yet").doesNotContain("Published");
        assertThat(preview.select(".meta time")).isEmpty();
    }

    @Test
    void scheduledArticleShowsItsTimeInTheFormAndOffersToCancelNotToUnpublish() throws Exception {
        long id = create(fields("Later story", "Text."));
        Instant at = content.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        String typed = LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
        mvc.perform(post("/admin/articles/" + id + "/schedule").param("scheduleAt", typed).with(staff.as(editor))
                .with(csrf()));

        Document form = page("/admin/articles/" + id + "/edit");

        assertThat(form.select("#scheduleAt").attr("value")).isEqualTo(typed);
        assertThat(form.select("label[for=scheduleAt]").text()).contains("UTC");
        assertThat(form.select(".lifecycle button").eachText()).contains("Cancel the schedule (back to draft)")
                .doesNotContain("Unpublish");
        assertThat(form.select(".article-state").text()).contains("Publishes at:");
        Document preview = page("/admin/articles/" + id + "/preview");
        assertThat(preview.select(".meta").text()).contains("To be published").doesNotContain("Published");
    }

    @Test
    void secondEditorIsToldWhoIsEditingAndSinceWhenAndCanTakeOver() throws Exception {
        Account other = staff.create("Mei Editor", Role.EDITOR);
        long id = create(fields("Shared story", "Text."));
        String edit = "/admin/articles/" + id + "/edit";
        assertThat(page(edit).select(".edit-lock")).as("the first to open it holds it").isEmpty();
        content.clock().advance(Duration.ofMinutes(1));

        Document second = page(edit, other);
        assertThat(second.select(".edit-lock").text()).contains("Erin Editor has been editing this article since");
        mvc.perform(post("/admin/articles/" + id + "/lock").with(staff.as(other)).with(csrf()));

        assertThat(page(edit).select(".edit-lock").text()).contains("Mei Editor has been editing this article");
        content.clock().advance(ArticleEditLocks.RELEASED_AFTER.plusMinutes(1));
        assertThat(page(edit).select(".edit-lock")).as("a lock left alone is released").isEmpty();
    }

    @Test
    void autosaveKeepsTheTextAndRendersThePreviewButNeverTouchesTheArticleOrItsRevisions() throws Exception {
        long id = create(fields("Quiet story", "Saved text."));
        int revisions = revisions(id);

        for (int i = 1; i <= 5; i++) {
            MvcResult kept = mvc.perform(post("/admin/articles/" + id + "/autosave").with(staff.as(editor))
                    .with(csrf()).accept(MediaType.APPLICATION_JSON).param("title", "Quiet story")
                    .param("bodyMarkdown", "Typed **" + i + "** <script>alert(1)</script>")).andReturn();
            assertThat(kept.getResponse().getStatus()).isEqualTo(200);
            assertThat(kept.getResponse().getContentAsString()).contains("<strong>" + i + "</strong>")
                    .doesNotContain("<script>").contains("\"words\":");
        }

        assertThat(articles.findById(id).orElseThrow().getBodyMarkdown()).isEqualTo("Saved text.");
        assertThat(revisions(id)).as("no revision per keystroke").isEqualTo(revisions);
        MvcResult tooLong = mvc.perform(post("/admin/articles/" + id + "/autosave").with(staff.as(editor))
                .with(csrf()).accept(MediaType.APPLICATION_JSON).param("bodyMarkdown", "x".repeat(230_000)))
                .andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(413);
    }

    private int revisions(long id) {
        return content.jdbc().sql("select count(*) from article_revisions where article_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private Map<String, String> fields(String title, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("bodyMarkdown", body);
        form.put("excerpt", "");
        form.put("categoryId", String.valueOf(category.getId()));
        return form;
    }

    /** The form as the page shows it (what a browser would send back), with one field changed. */
    private static Map<String, String> fieldsFrom(Document page, String field, String value) {
        Map<String, String> form = new LinkedHashMap<>();
        page.select("form.admin-form").first().select("input[name], textarea[name], select[name]").forEach(input -> {
            String name = input.attr("name");
            if (input.is("textarea")) {
                form.put(name, input.text());
            }
            else if (input.is("select")) {
                form.putIfAbsent(name, input.select("option[selected]").attr("value"));
            }
            else if (!input.attr("type").equals("radio") && !input.attr("type").equals("checkbox")) {
                form.put(name, input.attr("value"));
            }
        });
        form.put(field, value);
        return form;
    }

    private long create(Map<String, String> fields) throws Exception {
        MvcResult result = mvc.perform(send("/admin/articles/new", fields)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    private void save(long id, Map<String, String> fields) throws Exception {
        MvcResult result = mvc.perform(send("/admin/articles/" + id + "/edit", fields)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
    }

    private MockHttpServletRequestBuilder send(String path, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(path).with(staff.as(editor)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private Document page(String path) throws Exception {
        return page(path, editor);
    }

    private Document page(String path, Account as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(staff.as(as))).andReturn().getResponse().getContentAsString());
    }
}
