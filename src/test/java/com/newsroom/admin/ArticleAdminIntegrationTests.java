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
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.ArticleStatus;
import com.newsroom.article.Articles;
import com.newsroom.article.ScheduledPublisher;
import com.newsroom.audit.AuditLog;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** The editors' article workflow end to end, over the real application and PostgreSQL. */
@IntegrationTest
class ArticleAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    Articles articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    Account editor;

    Account author;

    Category category;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        author = staff.create("Arthur Author", Role.AUTHOR);
        category = content.category("Technology");
    }

    private Map<String, String> form(String title, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("slug", "");
        form.put("dek", "A dek.");
        form.put("bodyMarkdown", body);
        form.put("excerpt", "");
        form.put("heroImageUrl", "");
        form.put("heroImageAlt", "");
        form.put("heroImageCaption", "");
        form.put("categoryId", String.valueOf(category.getId()));
        form.put("tags", "Chips, Policy");
        form.put("commentsOpen", "true");
        return form;
    }

    private MockHttpServletRequestBuilder postForm(String path, Map<String, String> fields, Account as) {
        MockHttpServletRequestBuilder request = post(path).with(staff.as(as)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private long create(Map<String, String> fields, Account as) throws Exception {
        MvcResult result = mvc.perform(postForm("/admin/articles/new", fields, as)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    private Document page(String path, Account as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(staff.as(as))).andReturn().getResponse().getContentAsString());
    }

    private long version(long id) {
        return articles.findById(id).orElseThrow().getVersion();
    }

    @Test
    void wholeLifecycleDraftScheduledPublishedRenamedUnpublished() throws Exception {
        long id = create(form("Chip Export Rules Tighten", "The rules **tighten** today."), editor);
        assertThat(site.get("/articles/chip-export-rules-tighten").status()).isEqualTo(404);

        Instant publishAt = content.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(postForm("/admin/articles/" + id + "/schedule",
                Map.of("scheduleAt", LocalDateTime.ofInstant(publishAt, ZoneOffset.UTC).toString()), editor));
        assertThat(articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(site.get("/articles/chip-export-rules-tighten").status()).isEqualTo(404);

        ScheduledPublisher early = new ScheduledPublisher(articles, transaction,
                Clock.fixed(publishAt.minusSeconds(60), ZoneOffset.UTC));
        assertThat(early.publishDue()).isZero();
        ScheduledPublisher onTime = new ScheduledPublisher(articles, transaction,
                Clock.fixed(publishAt.plusSeconds(1), ZoneOffset.UTC));
        assertThat(onTime.publishDue()).isEqualTo(1);
        assertThat(onTime.publishDue()).isZero();

        SiteClient.Page published = site.get("/articles/chip-export-rules-tighten");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.html().select(".article-body strong").text()).isEqualTo("tighten");
        assertThat(site.get("/").html().select(".lead-title").text()).isEqualTo("Chip Export Rules Tighten");

        Map<String, String> renamed = form("Chip Export Rules Tighten", "The rules **tighten** today.");
        renamed.put("slug", "chip-rules");
        renamed.put("version", String.valueOf(version(id)));
        mvc.perform(postForm("/admin/articles/" + id + "/edit", renamed, editor));
        SiteClient.Page old = site.get("/articles/chip-export-rules-tighten");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/articles/chip-rules");
        assertThat(site.get("/articles/chip-rules").status()).isEqualTo(200);

        mvc.perform(postForm("/admin/articles/" + id + "/unpublish", Map.of(), editor));
        assertThat(site.get("/articles/chip-rules").status()).isEqualTo(404);
        assertThat(site.get("/articles/chip-export-rules-tighten").status()).isEqualTo(404);
        assertThat(audit.recent(null, 10)).extracting(AuditLog.Entry::action)
                .contains("article.scheduled", "article.published", "article.slugChanged", "article.unpublished");
    }

    @Test
    void scheduledTakeDownUnpublishesTheArticleWhenItsTimeComes() throws Exception {
        var article = content.article("Embargoed offer").in(category).published();
        Instant takeDownAt = content.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

        mvc.perform(postForm("/admin/articles/" + article.getId() + "/takedown",
                Map.of("unpublishAt", LocalDateTime.ofInstant(takeDownAt, ZoneOffset.UTC).toString()), editor));
        assertThat(page("/admin/articles/" + article.getId() + "/edit", editor).select("#unpublishAt").attr("value"))
                .isEqualTo(LocalDateTime.ofInstant(takeDownAt, ZoneOffset.UTC).toString());
        new ScheduledPublisher(articles, transaction, Clock.fixed(takeDownAt.minusSeconds(1), ZoneOffset.UTC))
                .publishDue();
        assertThat(site.get("/articles/embargoed-offer").status()).isEqualTo(200);
        new ScheduledPublisher(articles, transaction, Clock.fixed(takeDownAt.plusSeconds(1), ZoneOffset.UTC))
                .publishDue();

        assertThat(site.get("/articles/embargoed-offer").status()).isEqualTo(404);
        assertThat(articles.findById(article.getId()).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void invalidSubmitIsRefusedWith422AndKeepsWhatWasTyped() throws Exception {
        Map<String, String> bad = form("", "My carefully typed body.");
        bad.put("slug", "Not A Slug!");
        bad.put("heroImageUrl", "javascript:alert(1)");

        MvcResult result = mvc.perform(postForm("/admin/articles/new", bad, editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#title + .field-error").text()).isEqualTo("Give the article a title.");
        assertThat(page.select("#slug ~ .field-error").text()).contains("lowercase letters");
        assertThat(page.select("#heroImageUrl + .field-error").text()).contains("https://");
        assertThat(page.select("#bodyMarkdown").text()).isEqualTo("My carefully typed body.");
        assertThat(page.select("#slug").attr("value")).isEqualTo("Not A Slug!");
        assertThat(articles.count()).isZero();
    }

    @Test
    void malformedNumbersInTheFormAreRefusedWith422NotAnError() throws Exception {
        Map<String, String> bad = form("Numbers", "Typed body stays.");
        bad.put("categoryId", "abc");
        bad.put("authorIds", "not-an-id");

        MvcResult result = mvc.perform(postForm("/admin/articles/new", bad, editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#categoryId + .field-error").text()).isEqualTo("Choose a category.");
        assertThat(page.select("#bodyMarkdown").text()).isEqualTo("Typed body stays.");
    }

    @Test
    void slugAlreadyTakenIsShownBesideTheSlug() throws Exception {
        create(form("First story", "One."), editor);
        Map<String, String> second = form("Another story", "Two.");
        second.put("slug", "first-story");

        MvcResult result = mvc.perform(postForm("/admin/articles/new", second, editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#slug ~ .field-error").text())
                .contains("already uses this slug");
    }

    @Test
    void staleSaveIsRefusedWith409AndTheTypedTextIsKept() throws Exception {
        long id = create(form("Shared story", "Original body."), editor);
        long openedVersion = version(id);
        Map<String, String> first = form("Shared story", "Saved first by a colleague.");
        first.put("version", String.valueOf(openedVersion));
        mvc.perform(postForm("/admin/articles/" + id + "/edit", first, editor));

        Map<String, String> stale = form("Shared story", "My own long edit that must not be lost.");
        stale.put("version", String.valueOf(openedVersion));
        MvcResult result = mvc.perform(postForm("/admin/articles/" + id + "/edit", stale, editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select(".stale").text()).contains("Erin Editor saved this article at", "Nothing is lost");
        assertThat(page.select("#bodyMarkdown").text()).isEqualTo("My own long edit that must not be lost.");
        assertThat(articles.findById(id).orElseThrow().getBodyMarkdown()).isEqualTo("Saved first by a colleague.");
        // Both texts side by side, each with the words only it has marked.
        assertThat(page.select(".conflict .theirs .conflict-body").text()).isEqualTo("Saved first by a colleague.");
        assertThat(page.select(".conflict .theirs .removed").eachText()).containsExactly("Saved first by a colleague.");
        assertThat(page.select(".conflict .mine .added").eachText())
                .containsExactly("My own long edit that must not be lost.");
        assertThat(page.select(".conflict .mine .conflict-body").text())
                .isEqualTo("My own long edit that must not be lost.");

        // Saving from the comparison is a deliberate choice: it replaces theirs, which stays in the revisions.
        Map<String, String> again = form("Shared story", page.select("#bodyMarkdown").text());
        again.put("version", page.select("#version").attr("value"));
        assertThat(mvc.perform(postForm("/admin/articles/" + id + "/edit", again, editor)).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(articles.findById(id).orElseThrow().getBodyMarkdown())
                .isEqualTo("My own long edit that must not be lost.");
        assertThat(jdbc.sql("select count(*) from article_revisions where article_id = :id and body_markdown = :b")
                .param("id", id).param("b", "Saved first by a colleague.").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void authorCannotPublish() throws Exception {
        long id = create(form("Author draft", "Body."), author);

        int direct = mvc.perform(postForm("/admin/articles/" + id + "/publish", Map.of(), author)).andReturn()
                .getResponse().getStatus();
        Map<String, String> viaForm = form("Author draft", "Body.");
        viaForm.put("version", String.valueOf(version(id)));
        viaForm.put("action", "publish");
        int fromForm = mvc.perform(postForm("/admin/articles/" + id + "/edit", viaForm, author)).andReturn()
                .getResponse().getStatus();

        assertThat(direct).isEqualTo(403);
        assertThat(fromForm).isEqualTo(403);
        assertThat(articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void authorSubmitsOwnDraftForReviewAndSeesOnlyOwnDrafts() throws Exception {
        long own = create(form("Mine", "Body."), author);
        long others = create(form("Not mine", "Body."), editor);

        mvc.perform(postForm("/admin/articles/" + own + "/submit", Map.of(), author));

        assertThat(articles.findById(own).orElseThrow().getReviewRequestedAt()).isNotNull();
        Document list = page("/admin/articles", author);
        assertThat(list.select(".article-link").eachText()).containsExactly("Mine");
        assertThat(list.select(".badge.review").text()).isEqualTo("In review");
        assertThat(mvc.perform(get("/admin/articles/" + others + "/edit").with(staff.as(author))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(page("/admin/articles", editor).select(".article-link").eachText())
                .containsExactlyInAnyOrder("Mine", "Not mine");
        assertThat(page("/admin/articles?status=REVIEW", editor).select(".article-link").eachText())
                .containsExactly("Mine");
    }

    @Test
    void listFiltersByStatusCategoryAuthorAndTitleWithCountsAndPages() throws Exception {
        Category other = content.category("Science");
        for (int i = 0; i < 27; i++) {
            create(form("Bulk story " + i, "Body."), editor);
        }
        Map<String, String> science = form("Quantum sensor result", "Body.");
        science.put("categoryId", String.valueOf(other.getId()));
        long scienceId = create(science, editor);
        mvc.perform(postForm("/admin/articles/" + scienceId + "/publish", Map.of(), editor));

        Document first = page("/admin/articles", editor);
        assertThat(first.select(".article-link")).hasSize(25);
        assertThat(first.select(".count-DRAFT .n").text()).isEqualTo("27");
        assertThat(first.select(".count-PUBLISHED .n").text()).isEqualTo("1");
        String next = first.select("a[rel=next]").attr("href");
        Document second = page(next, editor);
        assertThat(second.select(".article-link")).hasSize(3);
        assertThat(page("/admin/articles?status=PUBLISHED", editor).select(".article-link").eachText())
                .containsExactly("Quantum sensor result");
        assertThat(page("/admin/articles?category=" + other.getId(), editor).select(".article-link").eachText())
                .containsExactly("Quantum sensor result");
        assertThat(page("/admin/articles?q=quantum", editor).select(".article-link").eachText())
                .containsExactly("Quantum sensor result");
        assertThat(page("/admin/articles?q=100%25", editor).select(".article-link")).isEmpty();
        assertThat(page("/admin/articles?author=" + editor.getStaffId(), editor).select(".article-link")).isEmpty();
        assertThat(mvc.perform(get("/admin/articles?status=BOGUS").with(staff.as(editor))).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() throws Exception {
        long id = create(form("Version one", "First line.\nSecond line."), editor);
        Map<String, String> edit = form("Version two", "First line.\nA changed line.");
        edit.put("version", String.valueOf(version(id)));
        mvc.perform(postForm("/admin/articles/" + id + "/edit", edit, editor));

        Document list = page("/admin/articles/" + id + "/revisions", editor);
        assertThat(list.select(".revision-table tbody tr")).hasSize(2);
        assertThat(list.select(".revision-table tbody tr").first().text()).contains("Erin Editor", "Version two");
        var revisions = jdbc.sql("select id from article_revisions where article_id = :id order by id")
                .param("id", id).query(Long.class).list();
        Document compare = page("/admin/articles/" + id + "/compare?from=" + revisions.get(0) + "&to="
                + revisions.get(1), editor);
        // Word by word: only the words that changed are marked, the rest of the line is shown as it was.
        assertThat(compare.select(".removed").eachText()).containsExactly("one", "Second");
        assertThat(compare.select(".added").eachText()).containsExactly("two", "A changed");
        assertThat(compare.select(".diff").last().text()).isEqualTo("First line. Second A changed line.");

        mvc.perform(postForm("/admin/articles/" + id + "/revisions/" + revisions.get(0) + "/restore", Map.of(), editor));

        var restored = articles.findById(id).orElseThrow();
        assertThat(restored.getTitle()).isEqualTo("Version one");
        assertThat(restored.getBodyMarkdown()).isEqualTo("First line.\nSecond line.");
        assertThat(jdbc.sql("select count(*) from article_revisions where article_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void correctionNoteIsShownToReadersAndMovesTheUpdatedDate() throws Exception {
        var article = content.article("Court ruling story").in(category)
                .publishedAt(content.now().minus(Duration.ofHours(6)));
        Instant before = article.getUpdatedAt();
        content.clock().advance(Duration.ofMinutes(10));

        mvc.perform(postForm("/admin/articles/" + article.getId() + "/corrections",
                Map.of("note", "An earlier version misnamed the court."), editor));

        Instant firstNoted = content.now();
        content.clock().advance(Duration.ofHours(1));
        mvc.perform(postForm("/admin/articles/" + article.getId() + "/corrections",
                Map.of("note", "The ruling's date has been added."), editor));

        Document page = site.get("/articles/court-ruling-story").html();
        assertThat(page.select(".corrections .correction").eachText()).hasSize(2);
        assertThat(page.select(".corrections .correction").get(0).text()).contains("An earlier version misnamed the court.");
        assertThat(page.select(".corrections .correction").get(1).text()).contains("The ruling's date has been added.");
        // Read with the page in one statement: each note keeps the moment it was made.
        assertThat(page.select(".corrections .correction time").eachAttr("datetime")).containsExactly(
                firstNoted.truncatedTo(ChronoUnit.SECONDS).toString(),
                content.now().truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(page.select(".meta .updated")).hasSize(1);
        assertThat(articles.findById(article.getId()).orElseThrow().getUpdatedAt()).isAfter(before);
        MvcResult empty = mvc.perform(postForm("/admin/articles/" + article.getId() + "/corrections",
                Map.of("note", "   "), editor)).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void staffPreviewShowsADraftExactlyAsReadersWillSeeItButReadersCannot() throws Exception {
        long id = create(form("Preview me", "## Heading\n\nText."), author);

        Document preview = page("/admin/articles/" + id + "/preview", editor);

        assertThat(preview.select("h1").text()).isEqualTo("Preview me");
        assertThat(preview.select(".article-body h2").text()).isEqualTo("Heading");
        assertThat(preview.select(".site-name")).hasSize(1);
        assertThat(site.get("/admin/articles/" + id + "/preview").status()).isEqualTo(302);
        assertThat(site.get("/articles/preview-me").status()).isEqualTo(404);
    }

    @Test
    void deleteMovesADraftToTheTrashFromWhichItIsRestoredOrDeletedForGoodAfterAConfirmation() throws Exception {
        var published = content.article("Live story").in(category).published();
        long draft = create(form("Abandoned draft", "Body."), editor);

        MvcResult refused = mvc.perform(postForm("/admin/articles/" + published.getId() + "/delete", Map.of(), editor))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select(".lifecycle .form-error").text())
                .contains("cannot be deleted");
        assertThat(page("/admin/articles/" + draft + "/edit", editor).select(".lifecycle button").eachText())
                .contains("Move to trash").doesNotContain("Delete for good");

        mvc.perform(postForm("/admin/articles/" + draft + "/delete", Map.of(), editor));
        assertThat(articles.findById(draft).orElseThrow().getTrashedAt()).as("in the trash, not gone").isNotNull();
        assertThat(page("/admin/articles", editor).select(".article-link").eachText()).containsExactly("Live story");
        assertThat(page("/admin/articles/trash", editor).select(".trash-table .article-link").eachText())
                .containsExactly("Abandoned draft");

        mvc.perform(postForm("/admin/articles/" + draft + "/untrash", Map.of(), editor));
        assertThat(articles.findById(draft).orElseThrow().getTrashedAt()).isNull();
        assertThat(page("/admin/articles", editor).select(".article-link").eachText()).contains("Abandoned draft");
        MvcResult notInTrash = mvc.perform(postForm("/admin/articles/" + draft + "/purge", Map.of(), editor))
                .andReturn();
        assertThat(notInTrash.getResponse().getStatus()).isEqualTo(409);
        assertThat(articles.existsById(draft)).isTrue();

        mvc.perform(postForm("/admin/articles/" + draft + "/delete", Map.of(), editor));
        Document confirm = page("/admin/articles/" + draft + "/purge", editor);
        assertThat(confirm.select("h1").text()).isEqualTo("Delete “Abandoned draft” for good?");
        assertThat(articles.existsById(draft)).as("asking deletes nothing").isTrue();
        MvcResult purged = mvc.perform(postForm("/admin/articles/" + draft + "/purge", Map.of(), editor)).andReturn();

        assertThat(purged.getResponse().getRedirectedUrl()).isEqualTo("/admin/articles/trash");
        assertThat(articles.existsById(draft)).isFalse();
        assertThat(articles.existsById(published.getId())).isTrue();
        assertThat(audit.recent(null, 10)).extracting(AuditLog.Entry::action)
                .contains("article.trashed", "article.restoredFromTrash", "article.deleted");
        assertThat(audit.recent(null, 10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("article.deleted");
            assertThat(entry.subject()).isEqualTo("Abandoned draft");
            assertThat(entry.actorName()).isEqualTo("Erin Editor");
        });
    }

    @Test
    void schedulingInThePastIsRefusedWithAClearMessage() throws Exception {
        long id = create(form("Too late", "Body."), editor);

        MvcResult result = mvc.perform(postForm("/admin/articles/" + id + "/schedule",
                Map.of("scheduleAt", "2001-01-01T09:00"), editor)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select(".lifecycle .form-error").text())
                .contains("future");
        assertThat(articles.findById(id).orElseThrow().getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

}
