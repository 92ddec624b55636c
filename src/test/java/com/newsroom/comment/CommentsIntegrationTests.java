package com.newsroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.site.SiteSettingsAdmin;
import com.newsroom.audit.AuditLog;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.Together;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Visitor;

/**
 * What happens when readers comment, over real HTTP against real PostgreSQL, with the page cache on and
 * comments that never close, as in production: forms are read from cached pages, as readers and bots get them.
 */
@ProductionCacheIntegrationTest
class CommentsIntegrationTests {

    private static final String FORM = "form.comment-form";

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    Comments comments;

    @Autowired
    CommentRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SiteSettingsAdmin settings;

    @Autowired
    Blocklist blocklist;

    @Autowired
    ArticleEditor editor;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    Article article;

    String path;

    @BeforeEach
    void anArticleOpenForComments() {
        content.reset();
        article = content.article("A story worth discussing").published();
        path = "/articles/a-story-worth-discussing";
        content.settle();
    }

    @Test
    void formExplainsThatTheEmailIsNeverPublished() {
        Document page = site.get(path).html();
        assertThat(page.select("#respond h2").text()).isEqualTo("Leave a Reply");
        assertThat(page.select(FORM + " > .form-note").text())
                .isEqualTo("Your email address will not be published. Required fields are marked *");
        assertThat(page.select(FORM + " label[for=comment-name]").text()).isEqualTo("Name *");
        assertThat(page.select(FORM + " label[for=comment-email]").text()).isEqualTo("Email *");
        assertThat(page.select(FORM + " label[for=comment-website]").text()).isEqualTo("Website");
        assertThat(page.select(FORM + " label[for=comment-body]").text()).isEqualTo("Comment *");
    }

    @Test
    void submissionWaitsForApprovalVisibleOnlyToItsWriterThenAppearsForEveryone() {
        Visitor reader = site.visitor();
        Page sent = send(reader, Map.of("body", "First thoughts on this story."));

        assertThat(sent.status()).isEqualTo(302);
        Comment stored = onlyComment();
        assertThat(stored.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(sent.header("Location")).endsWith(path + "#comment-" + stored.getId());

        Document own = reader.get(path).html();
        assertThat(own.select(".notice-success").text()).contains("awaiting moderation");
        assertThat(own.select("#comment-" + stored.getId() + " .comment-awaiting").text()).contains("awaiting moderation");
        assertThat(own.select(FORM + " textarea[name=body]").text()).isEmpty();
        assertThat(site.get(path).html().select("#comment-" + stored.getId())).isEmpty();
        assertThat(site.get(path).html().select("#comments-title").text()).isEqualTo("Comments");

        stored.approve();
        comments.save(stored);
        content.settle();

        Document everyone = site.get(path).html();
        assertThat(everyone.select("#comment-" + stored.getId() + " .comment-body").text())
                .isEqualTo("First thoughts on this story.");
        assertThat(everyone.select("#comments-title").text()).isEqualTo("1 comment");
    }

    @Test
    void validationErrorsAreShownNextToTheFieldsAndEverythingTypedIsKept() {
        Visitor reader = site.visitor();
        String longBody = "x".repeat(5001);
        Page page = send(reader, Map.of("name", "", "email", "not-an-email", "website", "javascript:alert(1)",
                "body", longBody));

        assertThat(page.status()).isEqualTo(422);
        Document html = page.html();
        assertThat(html.select("#comment-name-error").text()).isEqualTo("Please enter your name.");
        assertThat(html.select("#comment-email-error").text()).contains("valid email address");
        assertThat(html.select("#comment-website-error").text()).contains("http://");
        assertThat(html.select("#comment-body-error").text()).isEqualTo(
                "Comments can be at most 5,000 characters; yours has 5,001. Your text is kept: shorten it and send it again.");
        assertThat(html.select("#comment-email").attr("value")).isEqualTo("not-an-email");
        assertThat(html.select("#comment-website").attr("value")).isEqualTo("javascript:alert(1)");
        assertThat(html.select("#comment-body").text()).isEqualTo(longBody);
        assertThat(html.select("#comment-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(comments.count()).isZero();
    }

    @Test
    void aRefusedCommentAnswersAtTheFormSoItsMessagesAreInView() {
        assertThat(site.get(path).html().select(FORM).attr("action")).isEqualTo(path + "/comments#respond");
        Page refused = send(site.visitor(), Map.of("name", ""));
        assertThat(refused.status()).isEqualTo(422);
        // The re-shown form keeps landing there, so a second refusal is in view too.
        assertThat(refused.html().select("#respond " + FORM).attr("action")).isEqualTo(path + "/comments#respond");
        assertThat(refused.html().select("#respond #comment-name-error").text()).isEqualTo("Please enter your name.");
    }

    @Test
    void aLongPasteIsNotCutSilentlyButCountedAndRefusedWithItsLength() {
        Document page = site.get(path).html();
        var box = page.select(FORM + " #comment-body");
        assertThat(box.hasAttr("maxlength")).as("maxlength cuts a paste without a word").isFalse();
        assertThat(box.attr("data-max-length")).isEqualTo("5000");
        assertThat(box.attr("aria-describedby")).isEqualTo("comment-body-count");
        assertThat(page.select("#comment-body-count").text()).isEqualTo("At most 5,000 characters.");

        String pasted = "y".repeat(6000);
        Page refused = send(site.visitor(), Map.of("body", pasted));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#comment-body-error").text()).contains("yours has 6,000");
        assertThat(refused.html().select("#comment-body").text()).isEqualTo(pasted);
        assertThat(comments.count()).isZero();
    }

    @Test
    void openingTheCommentsAddressTakesTheReaderBackToTheArticle() {
        Page reloaded = site.get(path + "/comments");
        assertThat(reloaded.status()).isEqualTo(302);
        assertThat(reloaded.header("Location")).endsWith(path + "#comments");
        assertThat(site.get("/articles/no-such-story/comments").status()).isEqualTo(404);
    }

    @Test
    void theFooterShowsTheYearAsAYear() {
        assertThat(site.get(path).html().select(".copyright span").first().text()).matches("© \\d{4} Newsroom");
    }

    @Test
    void aCommentWithNothingSuspiciousIsHeldWithItsCommenterHistoryAsTheOnlyReason() {
        send(site.visitor(), Map.of("body", "A calm, reasonable comment."));
        Comment comment = onlyComment();
        assertThat(comment.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(rules(comment)).containsExactly("NEW_COMMENTER");
        assertThat(comment.getSpamScore()).isZero();
    }

    @Test
    void filledHoneypotGoesStraightToSpamWithItsReasonAndTheSenderIsNotTold() {
        Page sent = send(site.visitor(), Map.of("fax", "555-0100", "body", "Buy now"));
        Comment comment = onlyComment();
        assertThat(comment.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(reason(comment, "HONEYPOT")).contains("hidden field");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("#comments");
    }

    @Test
    void aSpamSenderIsThankedOnceLikeAnyoneAndGetsNoSession() {
        long sessions = sessions();
        Visitor bot = site.visitor();
        Page sent = send(bot, Map.of("fax", "555-0100", "body", "Buy now"));

        assertThat(onlyComment().getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(sent.response().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        Page thanked = bot.get(path);
        assertThat(thanked.html().select(".notice-success").text()).contains("awaiting moderation");
        assertThat(thanked.header("X-Cache")).as("a page with a notice is its reader's own").isNull();
        assertThat(thanked.header("Cache-Control")).isEqualTo("private, no-store");
        Page later = bot.get(path);
        assertThat(later.html().select(".notice-success")).as("the thanks is shown once").isEmpty();
        assertThat(later.header("X-Cache")).isEqualTo("HIT");
        assertThat(site.get(path).html().select(".notice-success")).isEmpty();
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void aCommentPublishedAtOnceIsAnnouncedOnItsPageWithoutASession() {
        var now = settings.current();
        settings.save(new SiteSettingsAdmin.Values(now.name(), now.tagline(), now.about(), now.socialLinks(),
                now.commentsEnabled(), false, now.commentsCloseAfterDays(), now.commentPolicy()),
                AuditLog.Actor.SYSTEM);
        send(site.visitor(), Map.of("body", "Earlier"));
        jdbc.sql("update comments set status = 'APPROVED'").update();
        content.settle();
        long sessions = sessions();
        Visitor known = site.visitor();

        Page sent = send(known, Map.of("body", "Straight onto the page."));

        Comment published = comments.findAll().stream().filter(c -> c.getBody().startsWith("Straight"))
                .findFirst().orElseThrow();
        assertThat(published.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(sent.header("Location")).endsWith(path + "#comment-" + published.getId());
        Document page = known.get(path).html();
        assertThat(page.select(".notice-success").text()).isEqualTo("Thank you! Your comment is published.");
        assertThat(page.select("#comment-" + published.getId() + " .comment-body").text())
                .isEqualTo("Straight onto the page.");
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void aNoticeCookieThisSiteDidNotWriteShowsNothing() {
        Page page = site.visitor().getWithHeaders(path, Map.of("Cookie", "COMMENT_NOTICE=comment.closed.refused"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select(".notice")).isEmpty();
        assertThat(page.response().headers().allValues("Set-Cookie"))
                .as("the cookie is cleared")
                .anyMatch(c -> c.startsWith("COMMENT_NOTICE=;") && c.contains("Expires=Thu, 01 Jan 1970"));
    }

    @Test
    void formsSentFasterThanAPersonTypesAreFlagged() {
        Visitor reader = site.visitor();
        Document page = reader.get(path).html();
        reader.submit(page, FORM, fields(Map.of("body", "Instant reply")));
        assertThat(reason(onlyComment(), "TOO_FAST")).matches("Sent 0\\.\\d s after the form was served.*");
    }

    @Test
    void forgedFormTokensAreFlagged() {
        send(site.visitor(), Map.of("token", "12345.abcdef", "body", "Forged"));
        assertThat(reason(onlyComment(), "FORM_TOKEN")).contains("was altered");
    }

    /**
     * As from a page kept by a cache tier in front, in a browser that ran no script: nothing is stored or counted,
     * and the comment comes back as typed in a form that now has a token, to be sent once more.
     */
    @Test
    void aCommentSentWithoutATokenIsShownAgainAsTypedToSendOnceMore() {
        Visitor reader = site.visitor();
        Document page = reader.get(path).html();
        assertThat(page.select(FORM + " noscript").html()).as("told beforehand")
                .contains("you will be asked to confirm your comment once");
        page.select(FORM + " input[name=token]").remove();
        Page unconfirmed = reader.submit(page, FORM, fields(Map.of("body", "Sent without a script")));

        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(comments.count()).isZero();
        Document again = unconfirmed.html();
        assertThat(again.select("#comments .notice-error").text()).startsWith("Your comment is not sent yet");
        assertThat(again.select(FORM + " textarea[name=body]").text()).isEqualTo("Sent without a script");
        assertThat(again.select(FORM + " input[name=email]").attr("value")).isEqualTo("ada@example.com");
        assertThat(again.select(FORM + " input[name=token]").attr("value")).isNotEmpty();

        content.clock().advance(Duration.ofSeconds(20));
        assertThat(reader.submit(again, FORM, Map.of()).status()).isEqualTo(302);
        assertThat(onlyComment().getBody()).isEqualTo("Sent without a script");
        assertThat(rules(onlyComment())).doesNotContain("FORM_TOKEN", "TOO_FAST");
    }

    /**
     * A kept article is the same bytes for every reader, here and in any cache in front: its form's token is left
     * empty, naming where the page's script fetches one once the reader starts writing (js/comment-form.js). A
     * page rendered for one person carries its token at once.
     */
    @Test
    void aKeptArticleIsTheSameForEveryReaderAndItsFormSaysWhereToFetchAToken() {
        Visitor reader = site.visitor();
        reader.get(path);
        Page kept = reader.get(path);
        Page inFront = reader.getWithHeaders(path, Map.of("Surrogate-Capability", "varnish=\"ESI/1.0\""));

        assertThat(kept.header("X-Cache")).isEqualTo("HIT");
        assertThat(kept.header("Cache-Control")).startsWith("public");
        assertThat(kept.header("ETag")).isNotNull();
        assertThat(inFront.header("Surrogate-Control")).as("nothing for a tier to assemble").isNull();
        assertThat(inFront.body()).isEqualTo(kept.body()).doesNotContain("esi:include");
        Document page = kept.html();
        var token = page.select(FORM + " input[name=token]");
        assertThat(token.attr("value")).isEmpty();
        assertThat(token.attr("data-token-from")).isEqualTo("/slots/comment-token?argument=" + article.getId());
        Page personal = reader.getWithHeaders(path, Map.of("Cookie", "SESSION=someone"));
        assertThat(personal.html().select(FORM + " input[name=token]").attr("value")).isNotEmpty();

        Page fetched = reader.get(token.attr("data-token-from"));
        assertThat(fetched.header("Cache-Control")).contains("no-store");
        token.val(fetched.html().select("input[name=token]").attr("value"));
        content.clock().advance(Duration.ofSeconds(20));
        assertThat(reader.submit(page, FORM, fields(Map.of("body", "Written on a kept page"))).status()).isEqualTo(302);
        assertThat(rules(onlyComment())).doesNotContain("FORM_TOKEN", "TOO_FAST");
    }

    @Test
    void tooManyLinksAreFlagged() {
        send(site.visitor(), Map.of("body", "See https://a.example/1 and https://b.example/2 and www.c.example"));
        assertThat(reason(onlyComment(), "LINKS")).isEqualTo("Contains 3 links (more than 2).");
    }

    @Test
    void blockedWordsMatchWholeWordsOnly() {
        send(site.visitor(), Map.of("body", "The casinos and a casinoesque vibe."));
        assertThat(rules(onlyComment())).doesNotContain("BLOCKED_WORD");
        content.reset();
        article = content.article("A story worth discussing").published();
        send(site.visitor(), Map.of("body", "Visit my Casino tonight."));
        assertThat(reason(onlyComment(), "BLOCKED_WORD")).isEqualTo("Contains the blocked word “casino”.");
    }

    @Test
    void blockedHostsAreFoundInTheBodyAndTheWebsiteIncludingSubdomains() {
        send(site.visitor(), Map.of("website", "https://shop.spam.example/offer", "body", "Nice article."));
        assertThat(reason(onlyComment(), "BLOCKED_HOST")).isEqualTo("Links to the blocked site spam.example.");
    }

    @Test
    void wordsAndSitesBlockedInTheAdminCountFromTheNextComment() {
        send(site.visitor(), Map.of("email", "one@example.com", "body", "Try crypto-doubler at https://doubler.example"));
        assertThat(rules(onlyComment())).doesNotContain("BLOCKED_WORD", "BLOCKED_HOST");

        content.reset();
        article = content.article("A story worth discussing").published();
        transaction.executeWithoutResult(status -> blocklist.replace("Crypto-Doubler\n", "https://www.doubler.example/x",
                new AuditLog.Actor(null, "Mo Derator")));
        send(site.visitor(), Map.of("email", "two@example.com", "body", "Try crypto-doubler at https://go.doubler.example/now"));
        assertThat(reason(onlyComment(), "BLOCKED_WORD")).isEqualTo("Contains the blocked word “crypto-doubler”.");
        assertThat(reason(onlyComment(), "BLOCKED_HOST")).isEqualTo("Links to the blocked site doubler.example.");
    }

    @Test
    void duplicatesOfRecentCommentsAreFlagged() {
        send(site.visitor(), Map.of("email", "one@example.com", "body", "Copy and paste."));
        content.clock().advance(Duration.ofMinutes(5));
        send(site.visitor(), Map.of("email", "two@example.com", "body", "Copy and paste."));
        List<Comment> all = comments.findAll();
        Comment second = all.stream().filter(c -> c.getAuthorEmail().equals("two@example.com")).findFirst().orElseThrow();
        assertThat(reason(second, "DUPLICATE")).matches("Same text as comment #\\d+ sent 5 minutes earlier\\.");
    }

    @Test
    void aCommentAlreadyCertainSpamIsNotLookedUpInOtherComments() {
        send(site.visitor(), Map.of("email", "one@example.com", "body", "Copy and paste."));
        content.clock().advance(Duration.ofMinutes(5));
        send(site.visitor(), Map.of("email", "two@example.com", "body", "Copy and paste.", "fax", "555-0100"));
        Comment second = comments.findAll().stream().filter(c -> c.getAuthorEmail().equals("two@example.com"))
                .findFirst().orElseThrow();

        assertThat(second.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(rules(second)).as("the honeypot decided it; the duplicate and history lookups were skipped")
                .containsExactly("HONEYPOT");
    }

    @Test
    void commentersWithApprovedCommentsFromTheirAddressAreRecognised() {
        send(site.visitor(), Map.of("body", "Earlier"));
        jdbc.sql("update comments set status = 'APPROVED'").update();
        send(site.visitor(), Map.of("body", "I am back."));
        Comment latest = comments.findAll().stream().filter(c -> c.getBody().equals("I am back.")).findFirst()
                .orElseThrow();
        assertThat(reason(latest, "KNOWN_COMMENTER"))
                .isEqualTo("This email address has 1 approved comment from this address.");
        assertThat(latest.getStatus()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void anEmailAddressAloneDoesNotMakeACommenterKnown() {
        Comment earlier = content.comment(article, null, "Ada Reader", "Earlier", CommentStatus.APPROVED);
        send(site.visitor(), Map.of("email", earlier.getAuthorEmail(), "body", "Typed someone else's email."));
        Comment latest = comments.findAll().stream().filter(c -> c.getBody().startsWith("Typed")).findFirst()
                .orElseThrow();
        assertThat(rules(latest)).doesNotContain("KNOWN_COMMENTER");
        assertThat(reason(latest, "NEW_COMMENTER"))
                .isEqualTo("This email address has 1 approved comment, none from this address.");
    }

    @Test
    void aFormOlderThanItsMaximumAgeIsFlagged() {
        Visitor reader = site.visitor();
        Document page = reader.get(path).html();
        reader.startWriting(page.selectFirst(FORM));
        content.clock().advance(Duration.ofHours(2).plusMinutes(1));
        reader.submit(page, FORM, fields(Map.of("body", "Written overnight")));
        assertThat(reason(onlyComment(), "FORM_TOKEN"))
                .isEqualTo("The form was served 121 minutes before it was sent; a form stays valid for 120 minutes.");
    }

    @Test
    void invisibleControlAndDirectionCharactersAreRemovedFromNamesAndComments() {
        Visitor reader = site.visitor();
        send(reader, Map.of("name", "Ada\u0001 \u202eRedaer\u202c", "body",
                "First line\u0007\nSecond \u2066line\u2069\twith a tab\u0000"));
        Comment stored = onlyComment();
        assertThat(stored.getAuthorName()).isEqualTo("Ada Redaer");
        assertThat(stored.getBody()).isEqualTo("First line\nSecond line\twith a tab");

        stored.approve();
        comments.save(stored);
        Document page = site.get(path).html();
        var shown = page.select("#comment-" + stored.getId());
        assertThat(shown.select("article").attr("aria-label")).doesNotContainPattern("[\\p{Cc}\u202a-\u202e\u2066-\u2069]")
                .contains("Ada Redaer");
        assertThat(shown.outerHtml()).doesNotContainPattern("[\\x01-\\x08\u202a-\u202e\u2066-\u2069]");
    }

    @Test
    void aNameOfNothingButInvisibleCharactersIsNoName() {
        Page page = send(site.visitor(), Map.of("name", "\u202e\u0001\u200f", "body", "Who am I?"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.html().select("#comment-name-error").text()).isEqualTo("Please enter your name.");
        assertThat(page.html().select("#comment-body").text()).isEqualTo("Who am I?");
    }

    @Test
    void tooManyCommentsFromOneAddressAnswer429WithTheTextKept() {
        // Start at the beginning of a rate window, so the test never straddles two.
        long window = Duration.ofMinutes(10).toSeconds();
        content.clock().set(java.time.Instant.ofEpochSecond((content.now().getEpochSecond() / window + 1) * window));
        for (int i = 1; i <= 5; i++) {
            assertThat(send(site.visitor(), Map.of("email", "r" + i + "@example.com", "body", "Comment " + i)).status())
                    .isEqualTo(302);
        }
        Page limited = send(site.visitor(), Map.of("email", "r6@example.com", "body", "One too many"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select(".notice-error").text()).contains("wait a few minutes");
        assertThat(limited.html().select("#comment-body").text()).isEqualTo("One too many");
        assertThat(comments.count()).isEqualTo(5);

        content.clock().advance(Duration.ofMinutes(11));
        assertThat(send(site.visitor(), Map.of("email", "r6@example.com", "body", "Later")).status()).isEqualTo(302);
    }

    @Test
    void aClientCannotEscapeTheAddressLimitByNamingOtherAddresses() {
        long window = Duration.ofMinutes(10).toSeconds();
        content.clock().set(java.time.Instant.ofEpochSecond((content.now().getEpochSecond() / window + 1) * window));
        for (int i = 1; i <= 5; i++) {
            assertThat(sendFrom("198.51.100." + i, Map.of("email", "r" + i + "@example.com", "body", "Comment " + i))
                    .status()).isEqualTo(302);
        }
        Page limited = sendFrom("198.51.100.6", Map.of("email", "r6@example.com", "body", "One too many"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(comments.count()).isEqualTo(5);
    }

    @Test
    void concurrentPostsFromOneAddressNeverGetMoreThanTheLimitAccepted() {
        long window = Duration.ofMinutes(10).toSeconds();
        content.clock().set(java.time.Instant.ofEpochSecond((content.now().getEpochSecond() / window + 1) * window));
        int senders = 12;
        List<Visitor> readers = java.util.stream.IntStream.range(0, senders).mapToObj(i -> site.visitor()).toList();
        List<Document> forms = readers.stream().map(reader -> reader.get(path).html()).toList();
        content.clock().advance(Duration.ofSeconds(20));

        List<Integer> statuses;
        try (Together<Integer> posts = Together.start(senders, i -> () -> readers.get(i).submit(forms.get(i), FORM,
                fields(Map.of("email", "r" + i + "@example.com", "body", "Comment number " + i))).status())) {
            statuses = posts.results();
        }

        assertThat(statuses).filteredOn(status -> status == 302).as("accepted, of %s", statuses).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).as("refused").hasSize(senders - 5);
        assertThat(comments.count()).isEqualTo(5);
    }

    @Test
    void aFormOpenedBeforeASlugChangeStillReachesItsArticleUnderTheNewSlug() {
        Visitor reader = site.visitor();
        Document page = reader.get(path).html();
        reader.startWriting(page.selectFirst(FORM));
        content.clock().advance(Duration.ofSeconds(20));
        editor.changeSlug(article.getId(), "a-better-headline", Editor.SYSTEM);
        content.settle();

        Page sent = reader.submit(page, FORM, fields(Map.of("body", "Sent from the old address")));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/articles/a-better-headline#comment-" + onlyComment().getId());
        assertThat(onlyComment().getArticleId()).isEqualTo(article.getId());

        page.select(FORM + " input[name=token]").remove();
        Page refused = reader.submit(page, FORM, fields(Map.of("body", "Sent again without a token")));
        assertThat(refused.status()).as("shown again on the article's page, read under its new slug").isEqualTo(422);
        assertThat(refused.html().select("h1").text()).isEqualTo("A story worth discussing");
        assertThat(refused.html().select(FORM + " textarea[name=body]").text()).isEqualTo("Sent again without a token");
    }

    @Test
    void closedArticlesShowANoticeAndRefusePosts() {
        content.article("No comments here").commentsClosed().published();
        content.settle();
        Visitor reader = site.visitor();
        Document open = reader.get(path).html();
        Document closed = reader.get("/articles/no-comments-here").html();
        assertThat(closed.select(FORM)).isEmpty();
        assertThat(closed.select(".comments-closed").text()).isEqualTo("Comments are closed for this article.");

        Page refused = reader.submit(open, FORM, fields(Map.of("body", "Sneaking in")));
        assertThat(refused.status()).isEqualTo(302);
        Page direct = reader.post("/articles/no-comments-here/comments", fields(Map.of("body", "Sneaking in")));
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.html().select(".notice-error").text()).contains("closed");
        assertThat(comments.findAll()).extracting(Comment::getArticleId).doesNotContain(
                jdbc.sql("select id from articles where slug = 'no-comments-here'").query(Long.class).single());
    }

    @Test
    void formsPostedFromAnotherSiteAreRefused() {
        Visitor reader = site.visitor();
        String token = reader.startWriting(reader.get(path).html().selectFirst(FORM));
        content.clock().advance(Duration.ofSeconds(20));
        Page forged = reader.postWithHeaders(path + "/comments", fields(Map.of("body", "Forged", "token", token)),
                Map.of("Origin", "https://evil.example"));
        assertThat(forged.status()).isEqualTo(403);
        Page crossSite = reader.postWithHeaders(path + "/comments", fields(Map.of("body", "Forged")),
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(comments.count()).isZero();
        Page sameSite = reader.postWithHeaders(path + "/comments", fields(Map.of("body", "Mine", "token", token)),
                Map.of("Origin", site.baseUrl()));
        assertThat(sameSite.status()).isEqualTo(302);
    }

    @Test
    void articlePagesGiveReadersNoSession() {
        assertThat(site.get(path).header("Set-Cookie")).isNull();
    }

    @Test
    void byDefaultCommentsNeverCloseEvenOnOldStories() {
        content.article("A very old story").publishedAt(content.now().minus(Duration.ofDays(20 * 365)));
        content.settle();
        site.get("/articles/a-very-old-story");
        Page page = site.get("/articles/a-very-old-story");
        assertThat(page.header("X-Cache")).isEqualTo("HIT");
        assertThat(page.html().select(".comments-closed")).isEmpty();
        Visitor reader = site.visitor();
        Document form = reader.get("/articles/a-very-old-story").html();
        content.clock().advance(Duration.ofSeconds(20));
        Page sent = reader.submit(form, FORM, fields(Map.of("body", "Still worth a word")));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(comments.findAll()).extracting(Comment::getBody).containsExactly("Still worth a word");
    }

    @Test
    void commentsCloseAutomaticallyAfterTheNumberOfDaysSetByAnAdministrator() {
        var now = settings.current();
        settings.save(new SiteSettingsAdmin.Values(now.name(), now.tagline(), now.about(), now.socialLinks(),
                now.commentsEnabled(), now.commentsPremoderated(), 30, now.commentPolicy()), AuditLog.Actor.SYSTEM);
        content.article("An old story").publishedAt(content.now().minus(Duration.ofDays(31)));
        content.article("A recent story").publishedAt(content.now().minus(Duration.ofDays(29)));
        content.settle();
        Document page = site.get("/articles/an-old-story").html();
        assertThat(page.select(FORM)).isEmpty();
        assertThat(page.select(".comments-closed").text()).isNotBlank();
        assertThat(site.get("/articles/a-recent-story").html().select(FORM)).hasSize(1);
        Page refused = site.visitor().post("/articles/an-old-story/comments", fields(Map.of("body", "Late")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select(".notice-error").text()).contains("closed");
        assertThat(comments.count()).isZero();
    }

    @Test
    void hostileTextIsShownInertAndEmailsNeverAppear() {
        Comment hostile = content.comment(article, null, "<b>Mallory</b>",
                "<script>alert('x')</script> <img src=x onerror=alert(1)> https://example.org/ok", CommentStatus.APPROVED);
        content.settle();
        String html = site.get(path).body();
        Page cached = site.get(path);
        assertThat(cached.header("X-Cache")).isEqualTo("HIT");
        Document page = cached.html();
        assertThat(page.select(".comment-body script, .comment-body img, .comment-author b")).isEmpty();
        assertThat(page.select("#comment-" + hostile.getId() + " .comment-body").text())
                .contains("<script>alert('x')</script>", "<img src=x onerror=alert(1)>");
        assertThat(page.select("#comment-" + hostile.getId() + " .comment-author").text()).isEqualTo("<b>Mallory</b>");
        assertThat(page.select(".comment-body a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(html).doesNotContain(hostile.getAuthorEmail()).doesNotContain("@example.com");
    }

    @Test
    void repliesAreThreadedUpToTheDepthLimit() {
        Comment top = content.comment(article, null, "Top", "Level one", CommentStatus.APPROVED);
        Visitor reader = site.visitor();
        Document withReply = reader.get(path + "?replyTo=" + top.getId()).html();
        assertThat(withReply.select("#respond h2").text()).isEqualTo("Leave a reply to this comment");
        content.clock().advance(Duration.ofSeconds(10));
        reader.submit(withReply, FORM, fields(Map.of("body", "Level two")));
        Comment reply = comments.findAll().stream().filter(c -> c.getBody().equals("Level two")).findFirst()
                .orElseThrow();
        assertThat(reply.getParentId()).isEqualTo(top.getId());
        reply.approve();
        comments.save(reply);
        Comment third = content.comment(article, reply, "Third", "Level three", CommentStatus.APPROVED);
        content.settle();

        Document page = site.get(path).html();
        assertThat(page.select("#comment-" + top.getId() + " .comment-replies #comment-" + reply.getId())).hasSize(1);
        assertThat(page.select("#comment-" + third.getId() + " .comment-reply")).isEmpty();

        Page tooDeep = send(site.visitor(), Map.of("parentId", String.valueOf(third.getId()), "body", "Level four"));
        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.html().select(".notice-error").text()).contains("can no longer be replied to");
        assertThat(tooDeep.html().select("#comment-body").text()).isEqualTo("Level four");
    }

    @Test
    void addressesAreStoredOnlyAsKeyedHashes() {
        send(site.visitor(), Map.of("body", "Hashed"));
        Comment comment = onlyComment();
        assertThat(comment.getIpHash()).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("select count(*) from comments where ip_hash like '%127.0.0.1%'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void personalDataOfSpamAndRejectedCommentsIsPurgedAfterRetention() {
        send(site.visitor(), Map.of("fax", "bot", "body", "Spam to purge"));
        Comment spam = onlyComment();
        Comment kept = content.comment(article, null, "Keeper", "Approved stays", CommentStatus.APPROVED);

        assertThat(retention.purgeExpired()).isZero();
        content.clock().advance(Duration.ofDays(31));
        assertThat(retention.purgeExpired()).isEqualTo(1);

        Comment purged = comments.findById(spam.getId()).orElseThrow();
        assertThat(purged.getAuthorName()).isEqualTo("[removed]");
        assertThat(purged.getAuthorEmail()).doesNotContain("example.com");
        assertThat(purged.getIpHash()).isNull();
        assertThat(purged.getBody()).isEqualTo("Spam to purge");
        assertThat(comments.findById(kept.getId()).orElseThrow().getAuthorName()).isEqualTo("Keeper");
    }

    /**
     * Fills in the form as a person would, a little while after they began writing; the page comes from the page
     * cache, as it does for every reader without a session in production.
     */
    private Page send(Visitor reader, Map<String, String> overrides) {
        content.settle();
        site.get(path);
        Page served = reader.get(path);
        assertThat(served.header("X-Cache")).as("the form came from the page cache").isEqualTo("HIT");
        Document page = served.html();
        reader.startWriting(page.selectFirst(FORM));
        content.clock().advance(Duration.ofSeconds(20));
        return reader.submit(page, FORM, fields(overrides));
    }

    /** As {@link #send}, from a client that claims (in every forwarded header there is) to be {@code address}. */
    private Page sendFrom(String address, Map<String, String> overrides) {
        Visitor reader = site.visitor();
        String token = reader.startWriting(reader.get(path).html().selectFirst(FORM));
        content.clock().advance(Duration.ofSeconds(20));
        return reader.postWithHeaders(path + "/comments", fields(Map.of("token", token), overrides),
                Map.of("X-Forwarded-For", address, "Forwarded", "for=" + address, "X-Real-IP", address));
    }

    private static Map<String, String> fields(Map<String, String> first, Map<String, String> overrides) {
        Map<String, String> all = fields(first);
        all.putAll(overrides);
        return all;
    }

    private static Map<String, String> fields(Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "Ada Reader", "email", "ada@example.com",
                "website", "", "body", "A comment"));
        fields.putAll(overrides);
        return fields;
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private Comment onlyComment() {
        List<Comment> all = comments.findAll();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<String> rules(Comment comment) {
        return jdbc.sql("select rule from comment_signals where comment_id = ? order by rule")
                .param(comment.getId()).query(String.class).list();
    }

    private String reason(Comment comment, String rule) {
        return jdbc.sql("select detail from comment_signals where comment_id = ? and rule = ?")
                .param(comment.getId()).param(rule).query(String.class).optional()
                .orElseThrow(() -> new AssertionError(rule + " did not fire; fired: " + rules(comment)));
    }
}
