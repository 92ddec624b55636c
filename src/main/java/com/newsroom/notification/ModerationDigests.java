package com.newsroom.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.PlainText;

/**
 * A digest of the comments waiting in the moderation queue, for staff who asked for one: at most once per
 * {@code newsroom.mail.digest-every}, and only when something waits. Each digest is claimed with one
 * conditional update, so with several instances running it still goes out once.
 */
@Service
public class ModerationDigests {

    /** Waiting comments listed in one digest; the rest are counted. */
    static final int LISTED = 10;

    private static final int EXCERPT = 140;

    private final JdbcClient jdbc;

    private final MailOutbox outbox;

    private final MailProperties mail;

    private final SiteSettingsProvider site;

    private final ZoneId zone;

    private final Clock clock;

    ModerationDigests(JdbcClient jdbc, MailOutbox outbox, MailProperties mail, SiteSettingsProvider site,
            NewsroomProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mail = mail;
        this.site = site;
        this.zone = properties.site().timeZone();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isSubscribed(long accountId) {
        return jdbc.sql("select exists (select 1 from moderation_digests where account_id = :id)")
                .param("id", accountId).query(Boolean.class).single();
    }

    /** Starts or stops the digest for this member of staff; returns whether anything changed. */
    @Transactional
    public boolean subscribe(long accountId, boolean wanted) {
        if (wanted) {
            return jdbc.sql("""
                    insert into moderation_digests (account_id, created_at) values (:id, :now)
                    on conflict (account_id) do nothing""")
                    .param("id", accountId).param("now", Timestamp.from(clock.instant())).update() == 1;
        }
        return jdbc.sql("delete from moderation_digests where account_id = :id").param("id", accountId).update() == 1;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT15M")
    void tick() {
        sendDue();
    }

    /** Queues the digests that are due; returns how many. Tests call it instead of waiting. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        List<Waiting> waiting = jdbc.sql("""
                select c.id, c.author_name, c.body, c.created_at, a.title from comments c
                join articles a on a.id = c.article_id
                where c.status = 'PENDING'
                order by c.created_at, c.id limit :limit""")
                .param("limit", LISTED)
                .query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("author_name"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("title")))
                .list();
        if (waiting.isEmpty()) {
            return 0;
        }
        long total = jdbc.sql("select count(*) from comments where status = 'PENDING'").query(Long.class).single();
        // Claims every due digest at once; an account without a moderating role (changed since) is skipped.
        List<String[]> recipients = jdbc.sql("""
                update moderation_digests d set last_sent_at = :now
                from accounts a
                where a.id = d.account_id and a.enabled
                  and exists (select 1 from account_roles r where r.account_id = a.id
                              and r.role in ('ADMIN', 'EDITOR', 'MODERATOR'))
                  and (d.last_sent_at is null or d.last_sent_at <= :due)
                returning a.id, a.email""")
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(now.minus(mail.digestEvery())))
                .query((rs, row) -> new String[] { rs.getString("id"), rs.getString("email") })
                .list();
        var settings = site.current();
        String body = body(waiting, total, settings.baseUrl());
        String subject = total + (total == 1 ? " comment waits" : " comments wait") + " for moderation on "
                + settings.name();
        for (String[] recipient : recipients) {
            outbox.queue(new OutgoingMail(recipient[1], subject, body, null,
                    "digest:" + recipient[0] + ":" + now.getEpochSecond()));
        }
        return recipients.size();
    }

    private String body(List<Waiting> waiting, long total, String baseUrl) {
        var when = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH).withZone(zone);
        var text = new StringBuilder();
        text.append(total).append(total == 1 ? " comment is" : " comments are").append(" waiting, oldest first:\n\n");
        for (Waiting comment : waiting) {
            text.append("- ").append(comment.authorName()).append(" on \"").append(comment.articleTitle())
                    .append("\", ").append(when.format(comment.createdAt())).append('\n')
                    .append("  ").append(PlainText.excerpt(comment.body(), EXCERPT)).append('\n')
                    .append("  ").append(baseUrl).append("/admin/comments/").append(comment.id()).append("\n\n");
        }
        if (total > waiting.size()) {
            text.append("… and ").append(total - waiting.size()).append(" more.\n\n");
        }
        text.append("The queue: ").append(baseUrl).append("/admin/comments\n")
                .append("Stop this digest: ").append(baseUrl).append("/admin/moderation/digest\n");
        return text.toString();
    }

    private record Waiting(long id, String authorName, String body, Instant createdAt, String articleTitle) {
    }
}
