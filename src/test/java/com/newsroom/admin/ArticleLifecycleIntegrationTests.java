package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleEvent;
import com.newsroom.article.ArticleStatus;
import com.newsroom.article.Articles;
import com.newsroom.article.Editor;
import com.newsroom.article.ScheduledPublisher;
import com.newsroom.audit.AuditLog;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.TestContent;

/**
 * An article's life is the article's: the editor, the scheduler and test fixtures reach each state the same
 * way, and an editor command (save plus a lifecycle step) happens whole or not at all.
 */
@IntegrationTest
@RecordApplicationEvents
class ArticleLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    Articles articles;

    @Autowired
    ArticleEditor editorService;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEvents events;

    Account editor;

    Category category;

    Tag tag;

    Author lukas;

    Author daniel;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        category = content.category("Technology");
        tag = content.tag("Chips");
        lukas = content.author("Lukas Brenner");
        daniel = content.author("Daniel Reyes");
    }

    @Test
    void publishingFromTheEditorTheSchedulerOrAFixtureHasTheSameEffects() throws Exception {
        assertPublicationEffects("From the editor", id -> {
            mvc.perform(post("/admin/articles/" + id + "/publish").with(staff.as(editor)).with(csrf()));
        });
        assertPublicationEffects("From the scheduler", id -> {
            Instant at = content.now().plus(Duration.ofHours(1));
            editorService.schedule(id, at, Editor.SYSTEM);
            content.clock().set(at.plusSeconds(30));
            new ScheduledPublisher(articles, transaction, content.clock()).publishDue();
        });
        assertPublicationEffects("From a fixture", id -> editorService.publish(id, content.now(), Editor.SYSTEM));
    }

    private interface Step {
        void run(long articleId) throws Exception;
    }

    /** A draft waiting for review is published by {@code publish}: every path leaves the same traces. */
    private void assertPublicationEffects(String title, Step publish) throws Exception {
        Article draft = content.article(title).in(category).tagged(tag).by(lukas, daniel).draft();
        editorService.submitForReview(draft.getId(), Editor.SYSTEM);
        content.clock().set(content.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS));
        events.clear();

        publish.run(draft.getId());

        Article published = articles.findById(draft.getId()).orElseThrow();
        assertThat(published.getStatus()).as(title).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.getUpdatedAt()).as(title + ": updated at publication")
                .isEqualTo(content.now());
        assertThat(published.getReviewRequestedAt()).as(title + ": review flag cleared").isNull();
        assertThat(audit.recent(null, 20)).as(title + ": audited")
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("article.published");
                    assertThat(entry.subject()).isEqualTo(title);
                });
        assertThat(events.stream(ArticleEvent.class).filter(e -> e.kind() == ArticleEvent.Kind.PUBLISHED))
                .as(title + ": one event naming what changed")
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.articleId()).isEqualTo(draft.getId());
                    assertThat(event.categoryIds()).containsExactly(category.getId());
                    assertThat(event.tagIds()).containsExactly(tag.getId());
                    assertThat(event.authorIds()).containsExactlyInAnyOrder(lukas.getId(), daniel.getId());
                    assertThat(event.newStatus()).isEqualTo(ArticleStatus.PUBLISHED);
                });
    }

    @Test
    void creatingAndSubmittingAnArticleAreAuditedWithALinkToIt() {
        Article draft = content.article("Audited draft").in(category).draft();
        editorService.submitForReview(draft.getId(), Editor.SYSTEM);
        assertThat(audit.recent(null, 20)).filteredOn(entry -> entry.subject().equals("Audited draft"))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("article.submitted", "/admin/articles/" + draft.getId() + "/edit"),
                        org.assertj.core.groups.Tuple.tuple("article.created", "/admin/articles/" + draft.getId() + "/edit"));
    }

    @Test
    void scheduleWithoutADateOnANewArticleSavesNothingAndSaysSo() throws Exception {
        MvcResult result = mvc.perform(postNew("Chip rules tighten", "schedule", "")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#scheduleAt + .field-error").text()).isEqualTo("Choose the date and time to publish at.");
        assertThat(page.select(".form-error").text()).contains("nothing has been saved yet");
        assertThat(page.select("#title").attr("value")).isEqualTo("Chip rules tighten");
        assertThat(articles.count()).isZero();

        String tomorrow = LocalDateTime.ofInstant(content.now().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        MvcResult scheduled = mvc.perform(postNew("Chip rules tighten", "schedule", tomorrow)).andReturn();

        assertThat(scheduled.getResponse().getStatus()).isEqualTo(302);
        assertThat(articles.findBySlug("chip-rules-tighten").orElseThrow().getStatus())
                .isEqualTo(ArticleStatus.SCHEDULED);
    }

    @Test
    void scheduleWithoutADateOnAnExistingArticleKeepsItAsItWasAndTheNextTryIsNotStale() throws Exception {
        Article draft = content.article("First headline").in(category).draft();
        long version = articles.findById(draft.getId()).orElseThrow().getVersion();

        MvcResult refused = mvc.perform(postEdit(draft.getId(), version, "Second headline", "schedule", ""))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        Article unchanged = articles.findById(draft.getId()).orElseThrow();
        assertThat(unchanged.getTitle()).isEqualTo("First headline");
        assertThat(unchanged.getVersion()).isEqualTo(version);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#title").attr("value"))
                .isEqualTo("Second headline");

        String tomorrow = LocalDateTime.ofInstant(content.now().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        MvcResult scheduled = mvc.perform(postEdit(draft.getId(), version, "Second headline", "schedule", tomorrow))
                .andReturn();

        assertThat(scheduled.getResponse().getStatus()).isEqualTo(302);
        Article after = articles.findById(draft.getId()).orElseThrow();
        assertThat(after.getTitle()).isEqualTo("Second headline");
        assertThat(after.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
    }

    @Test
    void savingAPublishedArticleUnchangedKeepsABylineThatIsNotInNameOrder() throws Exception {
        Article article = content.article("Two bylines").in(category).by(lukas, daniel).published();
        Document form = editPage(article.getId());

        List<String> picked = form.select("select[name=authorIds]").stream()
                .map(select -> select.select("option[selected]").val()).toList();
        assertThat(picked).startsWith(String.valueOf(lukas.getId()), String.valueOf(daniel.getId()));

        MvcResult saved = mvc.perform(resubmit(article.getId(), form)).andReturn();

        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(byline(article.getId())).containsExactly("Lukas Brenner", "Daniel Reyes");
    }

    @Test
    void theBylineCanBeReorderedAndShortened() throws Exception {
        Article article = content.article("Reordered").in(category).by(lukas, daniel).published();
        Document form = editPage(article.getId());
        List<Element> lines = form.select("select[name=authorIds]");
        choose(lines.get(0), daniel.getId());
        choose(lines.get(1), lukas.getId());
        updateLiveNow(form);

        assertThat(mvc.perform(resubmit(article.getId(), form)).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(byline(article.getId())).containsExactly("Daniel Reyes", "Lukas Brenner");

        Document again = editPage(article.getId());
        choose(again.select("select[name=authorIds]").get(0), null);
        updateLiveNow(again);
        assertThat(mvc.perform(resubmit(article.getId(), again)).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(byline(article.getId())).containsExactly("Lukas Brenner");
    }

    @Test
    void anArticleUnpublishedBeforeItsTimeIsNotPublishedByTheScheduler() {
        Article article = content.article("Pulled").in(category).draft();
        Instant at = content.now().plus(Duration.ofHours(1));
        editorService.schedule(article.getId(), at, Editor.SYSTEM);
        editorService.unpublish(article.getId(), Editor.SYSTEM);

        int published = new ScheduledPublisher(articles, transaction, Clock.fixed(at.plusSeconds(1), ZoneOffset.UTC))
                .publishDue();

        assertThat(published).isZero();
        assertThat(articles.findById(article.getId()).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    private List<String> byline(long id) {
        return content.jdbc().sql("""
                select s.display_name from article_authors aa join staff s on s.id = aa.staff_id
                where aa.article_id = ? order by aa.position""").param(id).query(String.class).list();
    }

    private Document editPage(long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/articles/" + id + "/edit").with(staff.as(editor))).andReturn()
                .getResponse().getContentAsString());
    }

    private static void choose(Element select, Long authorId) {
        select.select("option").forEach(option -> option.removeAttr("selected"));
        select.select("option[value=" + (authorId == null ? "\"\"" : authorId) + "]").attr("selected", "selected");
    }

    /** Picks "Update live now" (a published article's changes otherwise wait as a pending update). */
    private static void updateLiveNow(Document page) {
        page.select("input[name=saveAs]").forEach(choice -> choice.removeAttr("checked"));
        page.selectFirst("input[name=saveAs][value=live]").attr("checked", "checked");
    }

    /** Posts the editor form as a browser would: every field as the page holds it, the Save button pressed. */
    private MockHttpServletRequestBuilder resubmit(long id, Document page) {
        MockHttpServletRequestBuilder request = post("/admin/articles/" + id + "/edit").with(staff.as(editor))
                .with(csrf()).param("action", "save");
        Element form = page.selectFirst("form.admin-form");
        form.select("input[name], textarea[name], select[name]").forEach(field -> {
            String type = field.attr("type");
            if (field.tagName().equals("select")) {
                Element chosen = field.selectFirst("option[selected]");
                request.param(field.attr("name"), chosen == null ? field.select("option").first().val() : chosen.val());
            }
            else if (type.equals("checkbox") || type.equals("radio")) {
                if (field.hasAttr("checked")) {
                    request.param(field.attr("name"), field.val());
                }
            }
            else if (!field.attr("name").equals("_csrf")) {
                request.param(field.attr("name"), field.tagName().equals("textarea") ? field.text() : field.val());
            }
        });
        return request;
    }

    private MockHttpServletRequestBuilder postNew(String title, String action, String scheduleAt) {
        return post("/admin/articles/new").with(staff.as(editor)).with(csrf()).param("title", title)
                .param("bodyMarkdown", "The rules **tighten** today.").param("categoryId", category.getId().toString())
                .param("tags", "Chips, Policy").param("commentsOpen", "true").param("action", action)
                .param("scheduleAt", scheduleAt);
    }

    private MockHttpServletRequestBuilder postEdit(long id, long version, String title, String action,
            String scheduleAt) {
        return post("/admin/articles/" + id + "/edit").with(staff.as(editor)).with(csrf()).param("title", title)
                .param("bodyMarkdown", "Body.").param("categoryId", category.getId().toString())
                .param("version", String.valueOf(version)).param("action", action).param("scheduleAt", scheduleAt);
    }

}
