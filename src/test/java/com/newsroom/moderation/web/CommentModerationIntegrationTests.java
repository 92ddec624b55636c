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
        var answer = moderator.post("/admin/comments", "/admin/comments/" + held.getId() + "/decide",
                Map.of("decision", "APPROVE", "returnTo", "/admin/comments?status=PENDING"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/admin/comments?status=PENDING");

        assertThat(site.get("/articles/moderated-story").html().select("#comment-" + held.getId() + " .comment-body")
                .text()).isEqualTo("Is there a source for this?");
        Document detail = moderator.get("/admin/comments/" + held.getId()).html();
        assertThat(detail.select(".decisions li").text()).contains("Mo Derator", "PENDING → APPROVED");
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
        assertThat(refused.html().select("#edit-body + .field-message, .field-message").text()).contains("Please write some text.");

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
}
