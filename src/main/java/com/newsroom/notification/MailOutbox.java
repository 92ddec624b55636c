package com.newsroom.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;

/**
 * The outbox: mail is queued in the same transaction as the change it tells of, so a notice goes out exactly
 * when the change commits, and {@link OutboxSender} sends it later.
 */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final Clock clock;

    MailOutbox(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a mail; one with a dedupe key already queued is skipped. Returns whether it was queued. */
    @Transactional
    boolean queue(OutgoingMail mail) {
        return jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, unsubscribe_url, dedupe_key, created_at,
                                         next_attempt_at)
                values (:recipient, :subject, :body, :unsubscribe, :dedupe, :now, :now)
                on conflict (dedupe_key) do nothing""")
                .param("recipient", mail.recipient())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("unsubscribe", mail.unsubscribeUrl())
                .param("dedupe", mail.dedupeKey())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** The newest mails, for the administrators' view of what went out and what is stuck. */
    @Transactional(readOnly = true)
    public List<QueuedMail> recent(int limit) {
        return jdbc.sql("""
                select id, recipient, subject, created_at, attempts, next_attempt_at, sent_at, failed_at, last_error
                from mail_outbox order by created_at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new QueuedMail(rs.getLong("id"), QueuedMail.masked(rs.getString("recipient")),
                        rs.getString("subject"), instant(rs.getTimestamp("created_at")), rs.getInt("attempts"),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")),
                        instant(rs.getTimestamp("failed_at")), rs.getString("last_error")))
                .list();
    }

    /** Counts by state: waiting (not yet sent, still being tried), sent, given up. */
    @Transactional(readOnly = true)
    public QueuedMail.Counts counts() {
        return jdbc.sql("""
                select count(*) filter (where sent_at is null and failed_at is null) as waiting,
                       count(*) filter (where sent_at is not null) as sent,
                       count(*) filter (where failed_at is not null) as failed
                from mail_outbox""")
                .query((rs, row) -> new QueuedMail.Counts(rs.getLong("waiting"), rs.getLong("sent"),
                        rs.getLong("failed")))
                .single();
    }

    /** Puts a given-up mail back in the queue, due now (the mail server was fixed, say). */
    @Transactional
    public boolean retry(long id, AuditLog.Actor actor) {
        String subject = jdbc.sql("""
                update mail_outbox set failed_at = null, attempts = 0, next_attempt_at = :now
                where id = :id and failed_at is not null returning subject""")
                .param("id", id)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(String.class)
                .optional()
                .orElse(null);
        if (subject == null) {
            return false;
        }
        audit.record(actor, "mail.retried", "Mail #" + id, subject);
        return true;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
