package com.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationService;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Visitor;

/**
 * Readers report published comments over real HTTP; reports from several addresses (given to the service, as
 * every request here comes from loopback) hold a comment; moderators keep it or decide; blocked commenters'
 * next comments go straight to spam until the block is lifted.
 */
@IntegrationTest
class ReaderReportsAndBlocksIntegrationTests {

    private static final String FORM = "form.comment-form";

    private static final AuditLog.Actor MODERATOR = new AuditLog.Actor(null, "Mia Moderator");

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    CommentReports reports;

    @Autowired
    CommenterBlocks blocks;

    @Autowired
    ModerationService moderation;

    @Autowired
    Comments comments;

    @Autowired
    StaffLogins staff;

    @Autowired
    JdbcClient jdbc;

    Article article;

    Comment published;

    String path;

    @BeforeEach
    void aPublishedComment() {
        content.reset();
        article = content.article("Reports and blocks").published();
        path = "/articles/reports-and-blocks";
        published = content.comment(article, null, "Rude Rick", "You are all idiots.", CommentStatus.APPROVED);
    }

    @Test
    void aReaderReportsAPublishedCommentOnceWithAReasonAndIsToldWhatHappens() {
        String report = "/comments/" + published.getId() + "/report";
        assertThat(site.get(path).html().select("#comment-" + published.getId() + " .comment-report a").attr("href"))
                .isEqualTo(report);

        Visitor reader = site.visitor();
        Page form = reader.get(report);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Cache-Control")).contains("no-store");
        assertThat(form.html().select("input[name=reason]")).hasSize(ReportReason.values().length);
        assertThat(form.html().select("main a").eachAttr("href")).as("back to the comment, on its page of the thread")
                .contains("/comments/" + published.getId());

        Page missing = reader.post(report, Map.of("note", "He insults everyone"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.html().select(".form-error").text()).isEqualTo("Please choose what is wrong with the comment.");
        assertThat(missing.html().select("#report-note").text()).as("the note is kept").isEqualTo("He insults everyone");

        Page sent = reader.post(report, Map.of("reason", "ABUSE", "note", "He insults everyone"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.html().select("[role=status]").text()).startsWith("Thank you.");
        Page again = reader.post(report, Map.of("reason", "SPAM"));
        assertThat(again.html().select("[role=status]").text()).startsWith("You have reported this comment already");
        assertThat(reports.open()).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo(1);
            assertThat(r.reasons()).containsExactly(Map.entry(ReportReason.ABUSE, 1));
            assertThat(r.notes()).containsExactly("He insults everyone");
        });
        assertThat(published(published.getId())).as("one report does not hide it").isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void onlyPublishedReaderCommentsCanBeReportedAndOnlyFromThisSite() {
        Comment held = content.comment(article, null, "Held", "Waiting.", CommentStatus.PENDING);
        assertThat(site.get("/comments/" + held.getId() + "/report").status()).isEqualTo(404);
        assertThat(site.visitor().post("/comments/" + held.getId() + "/report", Map.of("reason", "SPAM")).status())
                .isEqualTo(404);
        assertThat(site.get("/comments/999999/report").status()).isEqualTo(404);
        assertThat(site.visitor().postWithHeaders("/comments/" + published.getId() + "/report",
                Map.of("reason", "SPAM"), Map.of("Origin", "https://elsewhere.example")).status()).isEqualTo(403);
        assertThat(reports.openCount()).isZero();
    }

    @Test
    void reportsFromThreeAddressesHoldTheCommentUntilAModeratorKeepsIt() {
        reports.report(published.getId(), ReportReason.ABUSE, "", "203.0.113.1");
        reports.report(published.getId(), ReportReason.ABUSE, "", "203.0.113.1");
        reports.report(published.getId(), ReportReason.SPAM, "", "203.0.113.2");
        assertThat(published(published.getId())).isEqualTo(CommentStatus.APPROVED);
        reports.report(published.getId(), ReportReason.OFF_TOPIC, "Nothing to do with it", "203.0.113.3");

        assertThat(published(published.getId())).isEqualTo(CommentStatus.PENDING);
        assertThat(site.get(path).html().select("#comment-" + published.getId())).as("off the page").isEmpty();
        assertThat(reports.reportable(published.getId(), true)).as("the last reporter's page links to the article")
                .hasValueSatisfying(held -> assertThat(held.shown()).isFalse());
        assertThat(jdbc.sql("select note from comment_decisions where comment_id = ? order by id desc limit 1")
                .param(published.getId()).query(String.class).single()).isEqualTo("Held after 3 reader reports");

        assertThat(reports.keep(published.getId(), MODERATOR)).isTrue();
        assertThat(published(published.getId())).isEqualTo(CommentStatus.APPROVED);
        assertThat(jdbc.sql("select from_status || ' -> ' || to_status from comment_decisions where comment_id = ?"
                + " order by id desc limit 1").param(published.getId()).query(String.class).single())
                .as("the moderator's decision records where the comment came from").isEqualTo("PENDING -> APPROVED");
        assertThat(reports.openCount()).isZero();
        assertThat(reports.keep(published.getId(), MODERATOR)).as("nothing left to keep").isFalse();
    }

    @Test
    void aModeratorsDecisionClosesTheReports() {
        reports.report(published.getId(), ReportReason.ABUSE, "", "203.0.113.1");
        moderation.apply(ModerationAction.REJECT, List.of(published.getId()), MODERATOR);
        assertThat(reports.openCount()).isZero();
    }

    @Test
    void aBlockedCommentersNextCommentsGoStraightToSpamWithTheReasonUntilLifted() {
        long block = blocks.block(published.getId(), false, "Insults other readers", MODERATOR);
        assertThat(blocks.all()).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo("Rude Rick (comment #" + published.getId() + ")");
            assertThat(b.reason()).isEqualTo("Insults other readers");
            assertThat(b.active()).isTrue();
        });

        Comment blocked = post("RUDE-RICK@example.com", "Still here.");
        assertThat(blocked.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(jdbc.sql("select detail from comment_signals where comment_id = ? and rule = 'BLOCKED_COMMENTER'")
                .param(blocked.getId()).query(String.class).list())
                .containsExactly("Blocked by a moderator: Insults other readers");
        assertThat(post("someone.else@example.com", "Unrelated.").getStatus()).as("by email only")
                .isEqualTo(CommentStatus.PENDING);

        assertThat(blocks.lift(block, MODERATOR)).isTrue();
        assertThat(blocks.lift(block, MODERATOR)).isFalse();
        assertThat(post("rude-rick@example.com", "Sorry about that.").getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(jdbc.sql("select action from audit_log where action like 'commenter.%' order by id").query(String.class).list())
                .containsExactly("commenter.blocked", "commenter.unblocked");
    }

    @Test
    void aBlockByAddressCatchesOtherEmailsFromThatAddress() {
        Comment first = post("first@example.com", "Hello.");
        blocks.block(first.getId(), true, "Sock puppets", MODERATOR);
        assertThat(post("second@example.com", "Hello again.").getStatus()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void aModeratorBlocksFromTheFormAndAnEmptyReasonIsRefusedWithWhatWasTypedKept() {
        HttpSignIn moderator = staff.signedIn("Mia Moderator", Role.MODERATOR);
        String form = "/admin/comments/" + published.getId() + "/block";

        Page refused = moderator.post(form, form, Map.of("reason", "   ", "byAddress", "true"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select(".form-error").text()).startsWith("Say why");
        assertThat(refused.html().select("#block-address").hasAttr("checked")).isTrue();
        assertThat(blocks.all()).isEmpty();

        Page blocked = moderator.post(form, form, Map.of("reason", "Insults other readers"));
        assertThat(blocked.status()).isEqualTo(302);
        assertThat(blocked.header("Location")).endsWith("/admin/comments/blocks");
        assertThat(moderator.get("/admin/comments/blocks").html().select(".blocks-table td").text())
                .contains("Insults other readers").contains("Mia Moderator");
        Page twice = moderator.post(form, form, Map.of("reason", "Again"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.html().select(".form-error").text()).isEqualTo("This commenter is blocked already.");
    }

    private Comment post(String email, String body) {
        Visitor reader = site.visitor();
        Page page = reader.get(path);
        content.clock().advance(Duration.ofSeconds(20));
        Map<String, String> fields = new HashMap<>(Map.of("name", "Reader", "email", email, "website", "",
                "body", body));
        assertThat(reader.submit(page.html(), FORM, fields).status()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from comments").query(Long.class).single();
        return comments.findById(id).orElseThrow();
    }

    private CommentStatus published(long id) {
        return comments.findById(id).orElseThrow().getStatus();
    }
}
