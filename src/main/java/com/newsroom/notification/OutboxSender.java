package com.newsroom.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, a batch at a time. Rows are claimed with {@code for update skip locked}, so
 * several instances share the work and no mail is sent twice; a failure waits longer each time (1 minute, 4,
 * 16, ... up to 12 hours) and is given up after {@code newsroom.mail.max-attempts}. Without a mail server
 * ({@code spring.mail.host} unset) mail stays queued.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private static final Duration LONGEST_WAIT = Duration.ofHours(12);

    private final JdbcClient jdbc;

    private final ObjectProvider<JavaMailSender> mailServer;

    private final TransactionTemplate transaction;

    private final MailProperties properties;

    private final Clock clock;

    OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailServer, TransactionTemplate transaction,
            MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mailServer = mailServer;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a mail server is configured, so mail can go out at all. */
    public boolean canSend() {
        return mailServer.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${newsroom.mail.send-every:PT10S}", initialDelayString = "PT15S")
    void tick() {
        try {
            sendDue();
        }
        catch (RuntimeException ex) {
            // The next tick tries again; one bad moment (the database away) must not stop the timer.
            log.warn("Sending queued mail failed: {}", ex.getMessage());
        }
    }

    /** Sends the mail that is due now; returns how many went out. Tests call it instead of waiting. */
    public int sendDue() {
        JavaMailSender server = mailServer.getIfAvailable();
        if (server == null) {
            return 0;
        }
        Integer sent = transaction.execute(status -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.sql("""
                    select id, recipient, subject, body, unsubscribe_url, attempts from mail_outbox
                    where sent_at is null and failed_at is null and next_attempt_at <= :now
                    order by next_attempt_at, id
                    limit :limit
                    for update skip locked""")
                    .param("now", Timestamp.from(now))
                    .param("limit", properties.batchSize())
                    .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body"), rs.getString("unsubscribe_url"),
                            rs.getInt("attempts")))
                    .list();
            int count = 0;
            for (Due mail : due) {
                if (send(server, mail, now)) {
                    count++;
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(JavaMailSender server, Due mail, Instant now) {
        try {
            server.send(message(server, mail));
            jdbc.sql("update mail_outbox set sent_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                    .param("now", Timestamp.from(now)).param("id", mail.id()).update();
            return true;
        }
        catch (MailException | MessagingException ex) {
            int attempts = mail.attempts() + 1;
            boolean givenUp = attempts >= properties.maxAttempts();
            String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            jdbc.sql("""
                    update mail_outbox set attempts = :attempts, last_error = :error, next_attempt_at = :next,
                           failed_at = :failed
                    where id = :id""")
                    .param("attempts", attempts)
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("next", Timestamp.from(now.plus(wait(attempts))))
                    .param("failed", givenUp ? Timestamp.from(now) : null)
                    .param("id", mail.id())
                    .update();
            log.warn("Mail {} not sent (attempt {}{}): {}", mail.id(), attempts, givenUp ? ", given up" : "", error);
            return false;
        }
    }

    /** How long to wait after this many failed attempts: 1 minute, then four times longer each time. */
    static Duration wait(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private MimeMessage message(JavaMailSender server, Due mail) throws MessagingException {
        MimeMessage message = server.createMimeMessage();
        var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        // Marks the mail as sent by a machine, so auto-responders stay quiet (RFC 3834).
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private record Due(long id, String recipient, String subject, String body, String unsubscribeUrl,
            int attempts) {
    }
}
