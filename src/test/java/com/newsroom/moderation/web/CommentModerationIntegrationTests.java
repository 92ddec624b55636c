package com.newsroom.moderation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** The moderation queue at /admin/comments over real HTTP, signed in as real staff. */
@IntegrationTest
class CommentModerationIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @Autowired
    Comments comments;

    Article article;

    Comment held;

    @BeforeEach
    void aHeldComment() {
        content.reset();
        article = content.article("Moderated story").published();
        held = content.comment(article, null, "Ada Reader", "Is there a source for this?", CommentStatus.PENDING);
        content.jdbc().sql("insert into comment_signals (comment_id, rule, detail, score) values (?, 'NEW_COMMENTER', 'First comment from this email address.', 0)")
                .param(held.getId()).update();
    }

    @Test
    void onlyModeratorsEditorsAndAdminsReachTheQueue() {
        assertThat(site.get("/admin/comments").status()).isEqualTo(302);
        assertThat(site.get("/admin/comments").header("Location")).endsWith("/login");
        assertThat(staff.signedIn("Arthur Author", Role.AUTHOR).get("/admin/comments").status()).isEqualTo(403);
        // A valid CSRF token (from a page the author may open), so the role check is what refuses.
        HttpSignIn author = staff.signedIn("Arthur Author2", Role.AUTHOR);
        SiteClient.Page refused = author.post("/admin", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "APPROVE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("h1").text()).isEqualTo("Not allowed");
        assertThat(author.signedInName()).isEqualTo("Arthur Author2");
        assertThat(comments.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(staff.signedIn("Mo Derator", Role.MODERATOR).get("/admin/comments").status()).isEqualTo(200);
        assertThat(staff.signedIn("Ed Itor", Role.EDITOR).get("/admin/comments").status()).isEqualTo(200);
        assertThat(staff.signedIn("Ad Min", Role.ADMIN).get("/admin/comments/" + held.getId()).status()).isEqualTo(200);
        assertThat(comments.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void theQueueShowsEachCommentWithItsArticleAndTheReasonsItWasHeld() {
        Document queue = staff.signedIn("Mo Derator", Role.MODERATOR).get("/admin/comments").html();
        var row = queue.select("#queue-" + held.getId());
        assertThat(row.select(".queue-author").text()).isEqualTo("Ada Reader");
        assertThat(row.select(".queue-excerpt").text()).isEqualTo("Is there a source for this?");
        assertThat(row.select(".queue-article a").first().text()).isEqualTo("Moderated story");
        assertThat(row.select(".queue-reasons li").text()).isEqualTo("First comment from this email address.");
        assertThat(queue.select(".tabs a[aria-current=page]").text()).isEqualTo("Pending 1");
        assertThat(queue.html()).doesNotContain("@example.com");
    }

    @Test
    void approvingFromTheQueuePublishesTheCommentAndRecordsWhoDidIt() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String articleLink = "dd a[href^=/articles/], dd a[href^=/comments/]";
        assertThat(moderator.get("/admin/comments/" + held.getId()).html().select(articleLink).attr("href"))
                .as("a held comment: its article").isEqualTo("/articles/moderated-story");
        var answer = moderator.post("/admin/comments", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "APPROVE", "returnTo", "/admin/comments?status=PENDING"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/admin/comments?status=PENDING");

        assertThat(site.get("/articles/moderated-story").html().select("#comment-" + held.getId() + " .comment-body")
                .text()).isEqualTo("Is there a source for this?");
        Document detail = moderator.get("/admin/comments/" + held.getId()).html();
        assertThat(detail.select(".decisions li").text()).contains("Mo Derator", "PENDING → APPROVED");
        // Published: its own address, which finds the page of a long thread that shows it.
        assertThat(detail.select(articleLink).attr("href")).isEqualTo("/comments/" + held.getId());
        assertThat(site.get("/comments/" + held.getId()).header("Location"))
                .endsWith("/articles/moderated-story#comment-" + held.getId());
    }

    @Test
    void bulkActionsApplyToTheSelectedComments() {
        Comment second = content.comment(article, null, "Bo", "Second", CommentStatus.PENDING);
        Comment untouched = content.comment(article, null, "Cy", "Third", CommentStatus.PENDING);
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String token = moderator.get("/admin/comments").html().select("input[name=_csrf]").attr("value");
        String body = "_csrf=" + token + "&action=SPAM&ids=" + held.getId() + "&ids=" + second.getId();
        var answer = moderator.postEncoded("/admin/comments/bulk", body);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(comments.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(comments.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(comments.findById(untouched.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
        Document spamTab = moderator.get("/admin/comments?status=spam").html();
        assertThat(spamTab.select(".tabs a[aria-current=page]").text()).isEqualTo("Spam 2");
    }

    @Test
    void editingWithNoTextIsRefusedAndAValidEditKeepsTheOriginal() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String detail = "/admin/comments/" + held.getId();
        var refused = moderator.post(detail, detail + "/edit", Map.of("body", "   "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#edit-body + .field-error").text()).contains("Please write some text.");

        moderator.post(detail, detail + "/edit", Map.of("body", "Is there a source?"));
        Document page = moderator.get(detail).html();
        assertThat(page.select(".comment-text").text()).isEqualTo("Is there a source?");
        assertThat(page.select(".revisions blockquote").text()).isEqualTo("Is there a source for this?");
    }

    @Test
    void aStaffReplyIsPublishedUnderTheComment() {
        held.approve();
        comments.save(held);
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String detail = "/admin/comments/" + held.getId();
        assertThat(moderator.post(detail, detail + "/reply", Map.of("body", "Yes: see the second paragraph."))
                .status()).isEqualTo(302);
        Document article = site.get("/articles/moderated-story").html();
        assertThat(article.select("#comment-" + held.getId() + " .comment-replies .comment-body").text())
                .isEqualTo("Yes: see the second paragraph.");
        assertThat(article.select(".comment-replies .comment-author").text()).isEqualTo("Mo Derator");
    }

    @Test
    void deletingRemovesTheCommentForGood() {
        held.moveTo(CommentStatus.SPAM);
        comments.save(held);
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        var answer = moderator.post("/admin/comments?status=SPAM", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "DELETE", "returnTo", "/admin/comments/" + held.getId()));
        assertThat(answer.header("Location")).endsWith("/admin/comments");
        assertThat(comments.findById(held.getId())).isEmpty();
        assertThat(moderator.get("/admin/comments/" + held.getId()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithoutRedirectingElsewhere() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        assertThat(moderator.get("/admin/comments?status=nonsense").status()).isEqualTo(400);
        assertThat(moderator.get("/admin/comments?page=abc").status()).isEqualTo(400);
        assertThat(moderator.get("/admin/comments?article=999999").status()).isEqualTo(404);
        assertThat(moderator.post("/admin/comments", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "EXPLODE")).status()).isEqualTo(400);
        var offsite = moderator.post("/admin/comments", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "REJECT", "returnTo", "https://evil.example/"));
        assertThat(offsite.header("Location")).endsWith("/admin/comments");
        var sneaky = moderator.post("/admin/comments", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "RESTORE", "returnTo", "/admin/comments//evil.example"));
        assertThat(sneaky.header("Location")).endsWith("/admin/comments");
    }

    @Test
    void aStaffReplyToAHeldCommentApprovesItFirstSoTheReplyIsNeverAloneAtTheTop() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String detail = "/admin/comments/" + held.getId();
        Document page = moderator.get(detail).html();
        assertThat(page.select("#reply-note").text()).contains("publishing a reply approves it first");
        assertThat(page.select("form[action$=/reply] button").text()).isEqualTo("Approve the comment and publish reply");

        var answer = moderator.post(detail, detail + "/reply", Map.of("body", "The source is in the second paragraph."));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(comments.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.APPROVED);
        Document article = site.get("/articles/moderated-story").html();
        assertThat(article.select("#comment-" + held.getId() + " > article .comment-body").text())
                .isEqualTo("Is there a source for this?");
        assertThat(article.select("#comment-" + held.getId() + " .comment-replies .comment-body").text())
                .isEqualTo("The source is in the second paragraph.");
        assertThat(article.select(".comment-list > li").size()).isEqualTo(1);
        assertThat(moderator.get(detail).html().select(".decisions li").text())
                .contains("PENDING → APPROVED", "Approved with a staff reply");
    }

    @Test
    void aReplyUnderASpamCommentIsRefusedWithItsTextKept() {
        held.moveTo(CommentStatus.SPAM);
        comments.save(held);
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String detail = "/admin/comments/" + held.getId();
        var refused = moderator.post(detail, detail + "/reply", Map.of("body", "Thanks for asking."));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#reply-body").text()).isEqualTo("Thanks for asking.");
        assertThat(refused.html().select("#reply-body + .field-error").text()).contains("Readers cannot see this comment");
        assertThat(comments.count()).isEqualTo(1);
        assertThat(site.get("/articles/moderated-story").html().select(".comment-body")).isEmpty();
    }

    @Test
    void aDecisionIsNamedWithAnUndoAndTheQueueComesBackAtTheNextComment() {
        content.clock().advance(java.time.Duration.ofSeconds(1));
        Comment newer = content.comment(article, null, "Bo Reader", "Newer", CommentStatus.PENDING);
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        Document queue = moderator.get("/admin/comments").html();
        String formaction = queue.select("#queue-" + newer.getId() + " button[value=SPAM]").attr("formaction");
        assertThat(formaction).contains("next=" + held.getId());

        var answer = moderator.post("/admin/comments", formaction,
                Map.of("decision", "SPAM", "returnTo", "/admin/comments?status=PENDING"));
        assertThat(answer.header("Location")).endsWith("/admin/comments?status=PENDING#queue-" + held.getId());
        Document after = moderator.get("/admin/comments?status=PENDING").html();
        assertThat(after.select(".decided p").text()).isEqualTo("Marked the comment by Bo Reader as spam.");
        assertThat(comments.findById(newer.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.SPAM);

        var undo = after.select(".decided form.undo");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        undo.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        var undone = moderator.postRaw("/admin/comments/undo", fields);
        assertThat(undone.status()).isEqualTo(302);
        assertThat(comments.findById(newer.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(undone.header("Location")).endsWith("/admin/comments?status=PENDING");
        assertThat(moderator.get("/admin/comments?status=PENDING").html().select(".flash").text())
                .isEqualTo("Undone: the comments are back where they were.");
    }

    @Test
    void theBulkMenuHasNoDefaultAndApplyingWithoutChoosingChangesNothing() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        Document queue = moderator.get("/admin/comments").html();
        var selected = queue.select("#bulk-action option[selected]");
        assertThat(selected.attr("value")).isEmpty();
        assertThat(queue.select("#bulk-action").hasAttr("required")).isTrue();
        String token = queue.select("input[name=_csrf]").attr("value");
        var answer = moderator.postEncoded("/admin/comments/bulk", "_csrf=" + token + "&action=&ids=" + held.getId());
        assertThat(answer.status()).isEqualTo(302);
        assertThat(comments.findById(held.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(moderator.get("/admin/comments").html().select(".flash").text())
                .startsWith("Choose what to do with the selected comments");
    }

    @Test
    void aReplyInTheQueueShowsTheCommentItAnswers() {
        held.approve();
        comments.save(held);
        Comment reply = content.comment(article, held, "Cy Reader", "No source, as usual.", CommentStatus.PENDING);
        Document queue = staff.signedIn("Mo Derator", Role.MODERATOR).get("/admin/comments").html();
        var row = queue.select("#queue-" + reply.getId());
        assertThat(row.select(".queue-parent").text()).contains("In reply to Ada Reader:", "Is there a source for this?");
        assertThat(row.select(".queue-excerpt").text()).isEqualTo("No source, as usual.");
    }

    @Test
    void theQueueIsSearchedByNameEmailOrAddressHashAndACommentShowsItsWritersOtherComments() {
        Comment other = content.comment(article, null, "Bo Reader", "Unrelated", CommentStatus.PENDING);
        Comment earlier = content.comment(content.article("Earlier story").published(), null, "Ada R.",
                "My first comment", CommentStatus.APPROVED);
        content.jdbc().sql("update comments set author_email = 'ada.reader@example.com', ip_hash = 'hash-of-ada' where id in (?, ?)")
                .param(held.getId()).param(earlier.getId()).update();
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);

        assertThat(ids(moderator.get("/admin/comments?q=ada").html())).containsExactly("queue-" + held.getId());
        assertThat(ids(moderator.get("/admin/comments?q=ADA.READER%40example.com").html()))
                .containsExactly("queue-" + held.getId());
        Document byHash = moderator.get("/admin/comments?status=APPROVED&q=hash-of-ada").html();
        assertThat(ids(byHash)).containsExactly("queue-" + earlier.getId());
        assertThat(byHash.select(".tabs a").eachText()).contains("Pending 1", "Approved 1");
        assertThat(ids(moderator.get("/admin/comments?q=nobody").html())).isEmpty();
        assertThat(ids(moderator.get("/admin/comments?q=%25").html())).isEmpty();

        Document detail = moderator.get("/admin/comments/" + held.getId()).html();
        assertThat(detail.select(".commenter-history li").text())
                .contains("Ada R.", "My first comment", "Earlier story", "same email", "same address")
                .doesNotContain("Unrelated");
        assertThat(detail.select(".hash").text()).isEqualTo("hash-of-ada");
        assertThat(other.getId()).isNotNull();
    }

    @Test
    void everyModerationDecisionEditAndReplyIsInTheAuditLogLinkedToTheComment() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String detail = "/admin/comments/" + held.getId();
        moderator.post(detail, detail + "/decide", Map.of("decision", "APPROVE", "returnTo", detail));
        moderator.post(detail, detail + "/edit", Map.of("body", "Is there a source?"));
        moderator.post(detail, detail + "/reply", Map.of("body", "Yes."));

        HttpSignIn admin = staff.signedIn("Ad Min", Role.ADMIN);
        Document log = admin.get("/admin/audit").html();
        assertThat(log.select("td.action").eachText()).contains("Comment approved", "Comment edited", "Staff reply");
        var approved = log.select("tr:has(td.action:contains(Comment approved))").first();
        assertThat(approved.select("td.subject a").attr("href")).isEqualTo(detail);
        assertThat(approved.select("td.subject").text()).isEqualTo("Comment #" + held.getId() + " by Ada Reader on “Moderated story”");
        assertThat(approved.text()).contains("Mo Derator", "pending → approved");

        Document byAction = admin.get("/admin/audit?action=comment.edited").html();
        assertThat(byAction.select("td.action").eachText()).containsExactly("Comment edited");
        long moId = content.jdbc().sql("select actor_id from audit_log where action = 'comment.edited'").query(Long.class).single();
        Document byPerson = admin.get("/admin/audit?person=" + moId).html();
        assertThat(byPerson.select("tbody tr td:nth-child(2)").eachText()).containsOnly("Mo Derator");
        String today = java.time.LocalDate.ofInstant(content.now(), java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.ofInstant(content.now(), java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(admin.get("/admin/audit?action=comment.edited&from=" + today + "&to=" + today).html()
                .select("td.action").eachText()).containsExactly("Comment edited");
        assertThat(admin.get("/admin/audit?action=comment.edited&from=" + tomorrow).html().select("td.action")).isEmpty();
        var badDate = admin.get("/admin/audit?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.html().select("#audit-from-error").text()).contains("“yesterday” is not a date");
        assertThat(badDate.html().select("#audit-from").attr("value")).isEqualTo("yesterday");
    }

    @Test
    void moderatorsKeepTheBlockedWordsAndSitesWithAnAuditTrail() {
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        String page = "/admin/comments/blocklist";
        Document form = moderator.get(page).html();
        assertThat(form.select(".configured-words").text()).isEqualTo("casino, cheap pills");

        var refused = moderator.post(page, page, Map.of("words", "lottery", "hosts", "not a site"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#hosts + .field-error").text()).contains("spam.example");
        assertThat(refused.html().select("#hosts").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.html().select("#words").hasAttr("aria-invalid")).isFalse();
        assertThat(refused.html().select("#hosts").text()).isEqualTo("not a site");
        assertThat(refused.html().select("#words").text()).isEqualTo("lottery");
        assertThat(content.jdbc().sql("select count(*) from spam_blocklist").query(Integer.class).single()).isZero();

        assertThat(moderator.post(page, page, Map.of("words", "Lottery\nfree money", "hosts", "win.example"))
                .status()).isEqualTo(302);
        Document saved = moderator.get(page).html();
        assertThat(saved.select("#words").text()).isEqualTo("free money\nlottery");
        assertThat(saved.select("#hosts").text()).isEqualTo("win.example");
        moderator.post(page, page, Map.of("words", "lottery", "hosts", "win.example"));
        assertThat(content.jdbc().sql("select detail from audit_log where action = 'blocklist.changed' order by id")
                .query(String.class).list())
                .containsExactly("words added: free money, lottery; site added: win.example", "word removed: free money");
    }

    @Test
    void theQueuePagesWithinItsTabAndSearch() {
        for (int i = 0; i < 26; i++) {
            content.clock().advance(java.time.Duration.ofSeconds(1));
            content.comment(article, null, "Ada Reader " + i, "Comment " + i, CommentStatus.PENDING);
        }
        HttpSignIn moderator = staff.signedIn("Mo Derator", Role.MODERATOR);
        Document first = moderator.get("/admin/comments?status=PENDING&q=ada").html();
        assertThat(ids(first)).hasSize(25);
        String older = first.select(".pager a[rel=next]").attr("href");
        assertThat(older).startsWith("/admin/comments?status=PENDING&q=ada&page=2&after=");
        Document second = moderator.get(older).html();
        assertThat(ids(second)).hasSize(2).last().isEqualTo("queue-" + held.getId());
    }

    private static java.util.List<String> ids(Document queue) {
        return queue.select(".queue-item").eachAttr("id");
    }
}
