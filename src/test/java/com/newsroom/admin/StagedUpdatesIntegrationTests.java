package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.account.Account;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.article.Articles;
import com.newsroom.author.Authors;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/**
 * Staged updates over real HTTP with the production page cache on: an editor changes a live article as a pending
 * update, readers keep the published text (from the cache, which saving the update leaves alone) until it is
 * published, and then get the new text, the "Updated" time and the correction note.
 */
@ProductionCacheIntegrationTest
class StagedUpdatesIntegrationTests {

    private static final String OLD = "The port reopened on Monday after a week-long strike.";

    private static final String NEW = "The port reopened on Tuesday after an eight-day strike.";

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    Articles articles;

    @Autowired
    Authors authors;

    @Autowired
    JdbcClient jdbc;

    Article article;

    String path;

    String edit;

    @BeforeEach
    void aPublishedArticle() {
        content.reset();
        article = content.article("Port reopens after strike").body(OLD).published();
        path = "/articles/port-reopens-after-strike";
        edit = "/admin/articles/" + article.getId() + "/edit";
        // Long enough after publication for a change to be announced as an update.
        content.clock().advance(Duration.ofHours(2));
        content.settle();
    }

    @Test
    void readersKeepThePublishedTextFromTheCacheUntilTheUpdateIsPublished() {
        HttpSignIn editor = staff.signedIn("Erin Editor", Role.EDITOR);
        site.get(path);
        assertThat(site.get(path).header("X-Cache")).isEqualTo("HIT");

        Document form = editor.get(edit).html();
        assertThat(form.select("input[name=saveAs][checked]").val()).as("the safe choice is the default")
                .isEqualTo("pending");
        assertThat(form.select("input[name=saveAs]").eachAttr("value")).containsExactly("pending", "live");
        SiteClient.Page saved = submitEditor(editor, form, Map.of("bodyMarkdown", NEW));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        content.settle();

        SiteClient.Page reader = site.get(path);
        assertThat(reader.header("X-Cache")).as("saving the update dropped nothing").isEqualTo("HIT");
        assertThat(reader.html().select(".article-body").text()).isEqualTo(OLD);
        assertThat(articles.findById(article.getId()).orElseThrow().getBodyMarkdown()).isEqualTo(OLD);

        Document editorAgain = editor.get(edit).html();
        assertThat(editorAgain.select(".pending-update").text()).contains("Pending update",
                "Readers still see the published text");
        assertThat(editorAgain.select("#bodyMarkdown").text()).as("the form holds the update").isEqualTo(NEW);
        assertThat(editorAgain.select("input[name=saveAs]").eachAttr("value")).as("changes now go into the update")
                .containsExactly("pending");

        Document preview = editor.get("/admin/articles/" + article.getId() + "/update/preview").html();
        assertThat(preview.select(".preview-banner").text()).startsWith("Pending update — not published");
        assertThat(preview.select(".article-body").text()).isEqualTo(NEW);
        Document revisions = editor.get("/admin/articles/" + article.getId() + "/revisions").html();
        assertThat(revisions.select(".revision-table tbody tr").first().select(".pending-update").text())
                .isEqualTo("Pending update (not published)");
        assertThat(editor.get("/admin/articles").html().select(".article-table .pending-update").text())
                .isEqualTo("Pending update");

        SiteClient.Page published = publish(editor, "An earlier version gave the wrong day.");
        assertThat(published.status()).as(published.body()).isEqualTo(302);

        Document page = site.get(path).html();
        assertThat(page.select(".article-body").text()).isEqualTo(NEW);
        assertThat(page.select(".meta .updated").text()).startsWith("Updated");
        assertThat(page.select(".corrections .correction").text()).contains("An earlier version gave the wrong day.");
        assertThat(jdbc.sql("select count(*) from article_pending_updates").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'article.updatePublished'")
                .query(Integer.class).single()).isOne();
    }

    @Test
    void withoutTheCorrectionTickedNoNoteIsRecordedAndADiscardedUpdateNeverReachesReaders() {
        HttpSignIn editor = staff.signedIn("Erin Editor", Role.EDITOR);
        submitEditor(editor, editor.get(edit).html(), Map.of("bodyMarkdown", NEW));
        String update = "/admin/articles/" + article.getId() + "/update";
        assertThat(editor.get(update + "/discard").html().select("h1").text()).startsWith("Discard the pending update");
        assertThat(editor.post(update, update + "/discard", Map.of()).status()).isEqualTo(302);

        assertThat(site.get(path).html().select(".article-body").text()).isEqualTo(OLD);
        assertThat(editor.get(edit).html().select("#bodyMarkdown").text()).isEqualTo(OLD);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'article.updateDiscarded'")
                .query(Integer.class).single()).isOne();

        submitEditor(editor, editor.get(edit).html(), Map.of("bodyMarkdown", NEW));
        assertThat(editor.post(update, update + "/publish", Map.of("version", version(), "correction", "Not ticked."))
                .status()).isEqualTo(302);
        Document page = site.get(path).html();
        assertThat(page.select(".article-body").text()).isEqualTo(NEW);
        assertThat(page.select(".meta .updated").text()).startsWith("Updated");
        assertThat(page.select(".corrections")).isEmpty();
    }

    @Test
    void aSaveOverSomeoneElsesNewerSaveOfTheUpdateIsRefusedWithBothTexts() {
        HttpSignIn first = staff.signedIn("Erin Editor", Role.EDITOR);
        HttpSignIn second = staff.signedIn("Ed Second", Role.EDITOR);
        submitEditor(first, first.get(edit).html(), Map.of("bodyMarkdown", NEW));
        Document seenByBoth = first.get(edit).html();
        assertThat(submitEditor(second, second.get(edit).html(), Map.of("bodyMarkdown", "Their version.")).status())
                .isEqualTo(302);

        SiteClient.Page refused = submitEditor(first, seenByBoth, Map.of("bodyMarkdown", "My version."));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select(".conflict .theirs").text()).contains("Their version.");
        assertThat(refused.html().select("#bodyMarkdown").text()).isEqualTo("My version.");
        assertThat(pendingBody()).isEqualTo("Their version.");
        // Seen, and saved again on purpose: it goes over theirs.
        assertThat(submitEditor(first, refused.html(), Map.of()).status()).isEqualTo(302);
        assertThat(pendingBody()).isEqualTo("My version.");
        assertThat(site.get(path).html().select(".article-body").text()).isEqualTo(OLD);
    }

    @Test
    void anAuthorStagesAndSubmitsAnUpdateToTheirPieceButCannotPublishItOrChangeTheLiveText() {
        Account author = staff.create("Arthur Author", Role.AUTHOR);
        Article own = content.article("Ferry timetable changes").body(OLD)
                .by(authors.findById(author.getStaffId()).orElseThrow()).published();
        String ownEdit = "/admin/articles/" + own.getId() + "/edit";
        String update = "/admin/articles/" + own.getId() + "/update";
        HttpSignIn signedIn = new HttpSignIn(site);
        signedIn.signInAs(author.getUsername(), StaffFixtures.PASSWORD);
        HttpSignIn editor = staff.signedIn("Erin Editor", Role.EDITOR);

        Document form = signedIn.get(ownEdit).html();
        assertThat(form.select("input[name=saveAs]").eachAttr("value")).containsExactly("pending");
        assertThat(submitEditor(signedIn, form, Map.of("bodyMarkdown", NEW, "saveAs", "live")).status())
                .as("the live text is not theirs to change").isEqualTo(403);
        assertThat(submitEditor(signedIn, form, Map.of("bodyMarkdown", NEW)).status()).isEqualTo(302);
        assertThat(signedIn.post(update, update + "/publish", Map.of("version", "0")).status()).isEqualTo(403);
        assertThat(signedIn.post(update, update + "/schedule", Map.of("version", "0", "publishAt", "2099-01-01T10:00"))
                .status()).isEqualTo(403);
        assertThat(signedIn.get(update).html().select(".update-publish")).isEmpty();

        assertThat(signedIn.post(update, update + "/submit", Map.of()).status()).isEqualTo(302);
        assertThat(editor.get("/admin").html().select(".dash-updates li").text()).contains("Ferry timetable changes",
                "In review");
        assertThat(editor.post(update, update + "/return", Map.of("note", "Name the ferry operator.")).status())
                .isEqualTo(302);
        assertThat(signedIn.get(ownEdit).html().select(".pending-update").text()).contains("Name the ferry operator.");
        assertThat(articles.findById(own.getId()).orElseThrow().getBodyMarkdown()).isEqualTo(OLD);
    }

    @Test
    void theEditLockAndAutosaveWorkForTheUpdateAsForTheArticle() {
        HttpSignIn first = staff.signedIn("Erin Editor", Role.EDITOR);
        HttpSignIn second = staff.signedIn("Ed Second", Role.EDITOR);
        submitEditor(first, first.get(edit).html(), Map.of("bodyMarkdown", NEW));
        content.clock().advance(Duration.ofMinutes(1));
        assertThat(first.post(edit, "/admin/articles/" + article.getId() + "/autosave",
                Map.of("title", "Port reopens after strike", "bodyMarkdown", NEW + " Typed, not saved.")).status())
                .isEqualTo(302);

        assertThat(second.get(edit).html().select(".edit-lock").text()).contains("Erin Editor");
        Document back = first.get(edit).html();
        assertThat(back.select(".autosave-offer").text()).startsWith("Unsaved changes from");
        assertThat(back.select("#bodyMarkdown").text()).isEqualTo(NEW);
        assertThat(site.get(path).html().select(".article-body").text()).isEqualTo(OLD);
    }

    @Test
    void aCorrectionTickedButLeftEmptyOrATimeInThePastIsRefusedBesideItsFieldAndNothingGoesOut() {
        HttpSignIn editor = staff.signedIn("Erin Editor", Role.EDITOR);
        submitEditor(editor, editor.get(edit).html(), Map.of("bodyMarkdown", NEW));
        String update = "/admin/articles/" + article.getId() + "/update";

        SiteClient.Page empty = editor.post(update, update + "/publish",
                Map.of("version", version(), "addCorrection", "true", "correction", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#correction-error").text()).isNotBlank();
        assertThat(empty.html().select("#addCorrection[checked]")).as("the tick is kept").hasSize(1);
        SiteClient.Page past = editor.post(update, update + "/schedule",
                Map.of("version", version(), "publishAt", "2001-01-01T09:00"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.html().select("#publishAt-error").text()).isNotBlank();
        assertThat(past.html().select("#publishAt").val()).isEqualTo("2001-01-01T09:00");

        assertThat(site.get(path).html().select(".article-body").text()).isEqualTo(OLD);
        assertThat(pendingBody()).isEqualTo(NEW);
    }

    private String pendingBody() {
        return jdbc.sql("select content->>'bodyMarkdown' from article_pending_updates").query(String.class).single();
    }

    private String version() {
        return jdbc.sql("select version from article_pending_updates").query(String.class).single();
    }

    private SiteClient.Page publish(HttpSignIn editor, String correction) {
        String update = "/admin/articles/" + article.getId() + "/update";
        return editor.post(update, update + "/publish",
                Map.of("version", version(), "addCorrection", "true", "correction", correction));
    }

    /** Sends the editor form as the page holds it (the checked choices, the texts), with {@code changes}. */
    static SiteClient.Page submitEditor(HttpSignIn who, Document page, Map<String, String> changes) {
        Element form = page.selectFirst("form.article-form");
        List<String> pairs = new ArrayList<>();
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (Element field : form.select("input, textarea, select")) {
            String name = field.attr("name");
            String type = field.attr("type");
            if (name.isEmpty() || type.equals("submit") || field.tagName().equals("button")) {
                continue;
            }
            if ((type.equals("radio") || type.equals("checkbox")) && !field.hasAttr("checked")) {
                continue;
            }
            String value = switch (field.tagName()) {
                case "textarea" -> field.val();
                case "select" -> field.select("option[selected]").val();
                default -> field.val();
            };
            if (changes.containsKey(name)) {
                if (!changed.add(name)) {
                    continue;
                }
                value = changes.get(name);
            }
            pairs.add(encode(name) + "=" + encode(value));
        }
        changes.forEach((name, value) -> {
            if (!changed.contains(name)) {
                pairs.add(encode(name) + "=" + encode(value));
            }
        });
        pairs.add("action=save");
        return who.postEncoded(form.attr("action"), String.join("&", pairs));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
