package com.newsroom.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationService;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.SiteClient.Page;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Visitor;

/**
 * Replies by email and the outbox, end to end: comments posted over real HTTP, decisions through the moderation
 * service, mail sent over SMTP to a real server in-process (GreenMail) and read back from it.
 */
@IntegrationTest
class RepliesByEmailIntegrationTests {

    private static final String FORM = "form.comment-form";

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/replies/confirm/([A-Za-z0-9_-]{32})");

    private static final AuditLog.Actor MODERATOR_ACTOR = new AuditLog.Actor(null, "moderator");

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    Comments comments;

    @Autowired
    ModerationService moderation;

    @Autowired
    OutboxSender sender;

    @Autowired
    MailOutbox outbox;

    @Autowired
    ModerationDigests digests;

    @Autowired
    StaffLogins staff;

    @Autowired
    MailHousekeeping housekeeping;

    @Autowired
    GreenMail mailServer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    Article article;

    String path;

    @BeforeEach
    void anArticleAndAnEmptyMailbox() throws Exception {
        content.reset();
        mailServer.purgeEmailFromAllMailboxes();
        article = content.article("Replies worth reading").published();
        path = "/articles/replies-worth-reading";
    }

    @Test
    void theFormOffersRepliesByEmailBesideThePromiseThatTheAddressIsNeverPublished() {
        var form = site.get(path).html().select(FORM);
        assertThat(form.select("input[type=checkbox][name=notifyReplies]")).hasSize(1);
        assertThat(form.select("label[for=comment-notify]").text()).startsWith("Email me when someone replies");
    }

    @Test
    void aCommentSentWithoutTheBoxAtAllIsTakenAsNotAskingForReplies() {
        // As from a page rendered before mail was configured, or a client that sends only what it must.
        Visitor reader = site.visitor();
        String token = reader.startWriting(reader.get(path).html().selectFirst(FORM));
        content.clock().advance(Duration.ofSeconds(20));
        Page sent = reader.post(path + "/comments", Map.of("name", "Ann", "email", "ann@example.com", "body", "Hi.",
                "token", token));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from reply_subscribers").query(Long.class).single()).isZero();
    }

    @Test
    void aReaderIsToldOfRepliesOnlyAfterConfirmingAndNeverOfTheirOwn() throws Exception {
        long ada = postComment(site.visitor(), "ada@example.com", "Ada", "Who checked these numbers?", null, true);
        moderation.apply(ModerationAction.APPROVE, List.of(ada), MODERATOR_ACTOR);

        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage confirmation = onlyMail();
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(confirmation.getSubject()).isEqualTo("Confirm replies by email from Newsroom");
        String token = confirmToken(confirmation);

        // Before confirmation a reply tells nobody.
        long early = postComment(site.visitor(), "bob@example.com", "Bob", "I did, last week.", ada, false);
        moderation.apply(ModerationAction.APPROVE, List.of(early), MODERATOR_ACTOR);
        assertThat(sender.sendDue()).isZero();

        // Opening the link (as a mail scanner would) only asks; the button confirms, without a session.
        Page asked = site.get("/replies/confirm/" + token);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.header("Cache-Control")).contains("no-store");
        assertThat(confirmedAt("ada@example.com")).isNull();
        Page confirmed = site.visitor().post("/replies/confirm/" + token, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.html().select("h1").text()).isEqualTo("Replies by email are on");
        assertThat(confirmedAt("ada@example.com")).isNotNull();

        long reply = postComment(site.visitor(), "carla@example.com", "Carla", "The second table is wrong.", ada,
                false);
        assertThat(sender.sendDue()).as("nothing while the reply is held").isZero();
        moderation.apply(ModerationAction.APPROVE, List.of(reply), MODERATOR_ACTOR);
        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage notice = mailServer.getReceivedMessages()[1];
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(notice.getSubject()).isEqualTo("New reply to your comment on \"Replies worth reading\"");
        String body = GreenMailUtil.getBody(notice);
        assertThat(body).contains("Carla replied").contains("The second table is wrong.")
                .contains("/comments/" + reply).doesNotContain("carla@example.com");
        Page opened = site.get("/comments/" + reply);
        assertThat(opened.status()).as("the link in the notice").isEqualTo(302);
        assertThat(opened.header("Location")).endsWith(path + "#comment-" + reply);
        assertThat(notice.getHeader("List-Unsubscribe")[0]).endsWith("/replies/unsubscribe/" + token + ">");
        assertThat(notice.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // Withdrawn and approved again: still one notice. And Ada's own reply to her comment: none.
        moderation.apply(ModerationAction.RESTORE, List.of(reply), MODERATOR_ACTOR);
        moderation.apply(ModerationAction.APPROVE, List.of(reply), MODERATOR_ACTOR);
        long own = postComment(site.visitor(), "ADA@example.com", "Ada", "Thanks, fixing it.", ada, false);
        moderation.apply(ModerationAction.APPROVE, List.of(own), MODERATOR_ACTOR);
        assertThat(sender.sendDue()).isZero();
        assertThat(mailServer.getReceivedMessages()).hasSize(2);
    }

    @Test
    void oneClickUnsubscribeFromAMailClientStopsEveryMailAndErasesTheAddress() throws Exception {
        String token = confirmedReader("dana@example.com");
        long watched = commentsBy("dana@example.com").get(0);
        long first = postComment(site.visitor(), "eve@example.com", "Eve", "A first reply.", watched, false);
        moderation.apply(ModerationAction.APPROVE, List.of(first), MODERATOR_ACTOR);
        assertThat(waiting()).isEqualTo(1);

        // RFC 8058: the mail client posts this body to the List-Unsubscribe address, with no cookie or token.
        Page done = site.visitor().post("/replies/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html().select("h1").text()).isEqualTo("No more reply emails");
        assertThat(jdbc.sql("select count(*) from reply_subscribers where email is not null").query(Long.class)
                .single()).as("the address is erased").isZero();
        assertThat(waiting()).as("the queued notice is dropped").isZero();

        long second = postComment(site.visitor(), "eve@example.com", "Eve", "A second reply.", watched, false);
        moderation.apply(ModerationAction.APPROVE, List.of(second), MODERATOR_ACTOR);
        assertThat(waiting()).isZero();
        assertThat(site.get("/replies/unsubscribe/" + token).html().select("h1").text())
                .isEqualTo("No more reply emails");
        assertThat(site.get("/replies/confirm/" + token).html().select("h1").text())
                .as("a confirm link cannot undo an unsubscribe").isEqualTo("No more reply emails");
        assertThat(site.visitor().post("/replies/confirm/" + token, Map.of()).html().select("h1").text())
                .isEqualTo("No more reply emails");
    }

    @Test
    void spamNeverMailsTheAddressItNames() {
        Visitor bot = site.visitor();
        Page page = bot.get(path);
        content.clock().advance(Duration.ofSeconds(20));
        bot.submit(page.html(), FORM, fields("victim@example.com", "Bot", "Cheap casino pills", null, true,
                Map.of("fax", "+1 555 0100")));
        assertThat(comments.findAll()).singleElement().extracting(Comment::getStatus).isEqualTo(CommentStatus.SPAM);
        assertThat(jdbc.sql("select count(*) from reply_subscribers").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
    }

    @Test
    void anUnconfirmedAddressGetsAtMostOneConfirmationADay() {
        postComment(site.visitor(), "fay@example.com", "Fay", "One.", null, true);
        postComment(site.visitor(), "Fay@Example.com", "Fay", "Two.", null, true);
        assertThat(waiting()).isEqualTo(1);
        content.clock().advance(Duration.ofHours(25));
        postComment(site.visitor(), "fay@example.com", "Fay", "Three.", null, true);
        assertThat(waiting()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from reply_watches").query(Long.class).single())
                .as("every comment is watched, to start once confirmed").isEqualTo(3);
    }

    @Test
    void anUnknownOrMangledLinkIsA404ThatSaysWhatToDo() {
        Page mangled = site.get("/replies/confirm/not-a-token");
        assertThat(mangled.status()).isEqualTo(404);
        assertThat(mangled.html().select("h1").text()).isEqualTo("This link does not work");
        assertThat(site.visitor().post("/replies/unsubscribe/" + "A".repeat(32), Map.of()).status()).isEqualTo(404);
        assertThat(site.get("/replies/unsubscribe/%27%3Cscript%3E").status()).isEqualTo(404);
    }

    @Test
    void aMailServerThatRefusesLeavesMailQueuedRetriedLaterAndGivenUpThenAnAdministratorSendsItAgain()
            throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var refusing = new JavaMailSenderImpl();
        refusing.setHost("127.0.0.1");
        refusing.setPort(closedPort);
        var beans = new StaticListableBeanFactory(Map.of("mailSender", refusing));
        var properties = new MailProperties("Newsroom <no-reply@localhost>", Duration.ofSeconds(10), 20, 3,
                Duration.ofHours(24));
        var down = new OutboxSender(jdbc, beans.getBeanProvider(JavaMailSender.class), transaction, properties,
                content.clock());

        transaction.executeWithoutResult(status -> outbox.queue(new OutgoingMail("gus@example.com", "Hello",
                "Text", null, null)));
        assertThat(down.sendDue()).isZero();
        assertThat(attempts()).isEqualTo(1);
        assertThat(down.sendDue()).as("not due again for a minute").isZero();
        assertThat(attempts()).isEqualTo(1);
        content.clock().advance(Duration.ofMinutes(1));
        down.sendDue();
        content.clock().advance(Duration.ofMinutes(4));
        down.sendDue();
        assertThat(attempts()).isEqualTo(3);
        assertThat(outbox.counts()).isEqualTo(new QueuedMail.Counts(0, 0, 1));
        assertThat(outbox.recent(10)).singleElement().satisfies(mail -> {
            assertThat(mail.state()).isEqualTo("failed");
            assertThat(mail.recipient()).isEqualTo("g***@example.com");
            assertThat(mail.lastError()).isNotBlank();
        });

        long id = outbox.recent(10).get(0).id();
        transaction.executeWithoutResult(status -> assertThat(outbox.retry(id, new AuditLog.Actor(null, "Admin")))
                .isTrue());
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(outbox.counts()).isEqualTo(new QueuedMail.Counts(0, 1, 0));
    }

    @Test
    void theDigestGoesToStaffWhoAskedOncePerDayAndOnlyWhenCommentsWait() throws Exception {
        var moderator = staff.create("Mia Moderator", Role.MODERATOR);
        var author = staff.create("Ann Author", Role.AUTHOR);
        var quiet = staff.create("Quinn Quiet", Role.MODERATOR);
        digests.subscribe(moderator.getId(), true);
        digests.subscribe(author.getId(), true);
        assertThat(digests.isSubscribed(quiet.getId())).isFalse();

        assertThat(digests.sendDue()).as("nothing waits").isZero();
        content.comment(article, null, "Held Reader", "Please publish me.", CommentStatus.PENDING);
        assertThat(digests.sendDue()).as("the author has no queue to work").isEqualTo(1);
        assertThat(digests.sendDue()).as("once per day").isZero();
        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage digest = onlyMail();
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo(moderator.getEmail());
        assertThat(digest.getSubject()).isEqualTo("1 comment waits for moderation on Newsroom");
        assertThat(GreenMailUtil.getBody(digest)).contains("Held Reader on \"Replies worth reading\"")
                .contains("Please publish me.").contains("/admin/comments/");

        content.clock().advance(Duration.ofHours(24));
        assertThat(digests.sendDue()).isEqualTo(1);
        digests.subscribe(moderator.getId(), false);
        content.clock().advance(Duration.ofHours(24));
        assertThat(digests.sendDue()).isZero();
    }

    @Test
    void sentMailAndAddressesNeverConfirmedAreDeletedAfterThirtyDaysConfirmedOnesStay() throws Exception {
        confirmedReader("hal@example.com");
        postComment(site.visitor(), "ivy@example.com", "Ivy", "Never confirmed.", null, true);
        sender.sendDue();
        assertThat(housekeeping.clearOld()).isZero();

        content.clock().advance(Duration.ofDays(31));
        assertThat(housekeeping.clearOld()).as("two sent confirmations and Ivy's address").isEqualTo(3);
        assertThat(jdbc.sql("select email from reply_subscribers").query(String.class).list())
                .containsExactly("hal@example.com");
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
    }

    private long postComment(Visitor reader, String email, String name, String body, Long parentId,
            boolean notify) {
        Page page = reader.get(parentId == null ? path : path + "?replyTo=" + parentId);
        content.clock().advance(Duration.ofSeconds(20));
        Page sent = reader.submit(page.html(), FORM, fields(email, name, body, parentId, notify, Map.of()));
        assertThat(sent.status()).as("comment accepted").isEqualTo(302);
        return jdbc.sql("select max(id) from comments").query(Long.class).single();
    }

    private static Map<String, String> fields(String email, String name, String body, Long parentId, boolean notify,
            Map<String, String> more) {
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "email", email, "website", "", "body", body));
        if (parentId != null) {
            fields.put("parentId", parentId.toString());
        }
        if (notify) {
            fields.put("notifyReplies", "true");
        }
        fields.putAll(more);
        return fields;
    }

    /** A reader with an approved comment who asked for replies and confirmed; returns their link token. */
    private String confirmedReader(String email) throws Exception {
        long id = postComment(site.visitor(), email, "Reader", "Watching this thread.", null, true);
        moderation.apply(ModerationAction.APPROVE, List.of(id), MODERATOR_ACTOR);
        sender.sendDue();
        String token = confirmToken(mailServer.getReceivedMessages()[mailServer.getReceivedMessages().length - 1]);
        assertThat(site.visitor().post("/replies/confirm/" + token, Map.of()).status()).isEqualTo(200);
        return token;
    }

    private List<Long> commentsBy(String email) {
        return jdbc.sql("select id from comments where author_email = ? order by id").param(email)
                .query(Long.class).list();
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String confirmToken(MimeMessage message) {
        Matcher link = CONFIRM_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
        assertThat(link.find()).as("a confirmation link in the mail").isTrue();
        return link.group(1);
    }

    private java.sql.Timestamp confirmedAt(String email) {
        return jdbc.sql("select confirmed_at from reply_subscribers where email = ?").param(email)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
    }

    private long waiting() {
        return jdbc.sql("select count(*) from mail_outbox where sent_at is null and failed_at is null")
                .query(Long.class).single();
    }

    private int attempts() {
        return jdbc.sql("select attempts from mail_outbox").query(Integer.class).single();
    }
}
