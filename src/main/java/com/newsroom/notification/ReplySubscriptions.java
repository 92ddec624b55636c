package com.newsroom.notification;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.comment.CommentPublished;
import com.newsroom.comment.RepliesRequested;
import com.newsroom.secrets.SiteSecrets;
import com.newsroom.site.SiteSettingsProvider;

/**
 * Readers who asked to be told of replies to their comments. An address gets mail only after its owner confirms
 * it (double opt-in); every mail links to a one-click unsubscribe that erases the address. Addresses are never
 * shown on any page, to anyone.
 */
@Service
public class ReplySubscriptions {

    /** An unconfirmed address gets at most one confirmation mail a day, however many comments ask for one. */
    static final Duration CONFIRMATION_PAUSE = Duration.ofHours(24);

    private static final int EXCERPT = 600;

    private final JdbcClient jdbc;

    private final MailOutbox outbox;

    private final SiteSecrets secrets;

    private final SiteSettingsProvider site;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    ReplySubscriptions(JdbcClient jdbc, MailOutbox outbox, SiteSecrets secrets, SiteSettingsProvider site,
            Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.secrets = secrets;
        this.site = site;
        this.clock = clock;
    }

    /** A subscriber as the confirm and unsubscribe pages need it. */
    public record Subscriber(long id, boolean confirmed, boolean unsubscribed) {
    }

    /**
     * Watches the comment for replies, in the transaction that stored it. A confirmed address is watching at
     * once; any other gets a confirmation mail (at most one a day).
     */
    @EventListener
    @Transactional
    void onRepliesRequested(RepliesRequested request) {
        Instant now = clock.instant();
        String email = request.email().strip();
        String key = emailKey(email);
        // An address that unsubscribed starts again: a new token (old links stop working) and a new opt-in.
        Subscriber subscriber = jdbc.sql("""
                insert into reply_subscribers (email, email_key, token, created_at)
                values (:email, :key, :token, :now)
                on conflict (email_key) do update set
                    email = excluded.email,
                    token = case when reply_subscribers.unsubscribed_at is null then reply_subscribers.token
                                 else excluded.token end,
                    confirmed_at = case when reply_subscribers.unsubscribed_at is null
                                        then reply_subscribers.confirmed_at end,
                    confirmation_sent_at = case when reply_subscribers.unsubscribed_at is null
                                                then reply_subscribers.confirmation_sent_at end,
                    unsubscribed_at = null
                returning id, confirmed_at is not null as confirmed, false as unsubscribed""")
                .param("email", email)
                .param("key", key)
                .param("token", newToken())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Subscriber(rs.getLong("id"), rs.getBoolean("confirmed"), false))
                .single();
        jdbc.sql("""
                insert into reply_watches (comment_id, subscriber_id, created_at) values (:comment, :subscriber, :now)
                on conflict (comment_id) do nothing""")
                .param("comment", request.commentId())
                .param("subscriber", subscriber.id())
                .param("now", Timestamp.from(now))
                .update();
        if (!subscriber.confirmed()) {
            askForConfirmation(subscriber.id(), now);
        }
    }

    private void askForConfirmation(long subscriberId, Instant now) {
        String token = jdbc.sql("""
                update reply_subscribers set confirmation_sent_at = :now
                where id = :id and (confirmation_sent_at is null or confirmation_sent_at < :pause)
                returning token""")
                .param("now", Timestamp.from(now))
                .param("pause", Timestamp.from(now.minus(CONFIRMATION_PAUSE)))
                .param("id", subscriberId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (token == null) {
            return;
        }
        String email = emailOf(subscriberId);
        var settings = site.current();
        String confirm = settings.baseUrl() + "/replies/confirm/" + token;
        String stop = settings.baseUrl() + "/replies/unsubscribe/" + token;
        outbox.queue(new OutgoingMail(email, "Confirm replies by email from " + settings.name(), """
                Someone, probably you, left a comment on %s with this address and asked to be told of replies.

                To get an email when someone replies to your comments, confirm here:
                %s

                If it was not you, do nothing: without a confirmation you will get no further mail from us.
                Never ask again: %s
                """.formatted(settings.name(), confirm, stop), stop,
                "confirm:" + subscriberId + ":" + now.getEpochSecond()));
    }

    /**
     * A reply went public: tells the author of the comment it answers, when they watch it and confirmed their
     * address, unless the reply is their own. Queued in the same transaction, once per reply and address.
     */
    @EventListener
    @Transactional
    void onCommentPublished(CommentPublished published) {
        if (published.parentId() == null) {
            return;
        }
        var watcher = jdbc.sql("""
                select s.id, s.email, s.email_key, s.token from reply_watches w
                join reply_subscribers s on s.id = w.subscriber_id
                where w.comment_id = :parent and s.confirmed_at is not null and s.unsubscribed_at is null
                  and s.email is not null""")
                .param("parent", published.parentId())
                .query((rs, row) -> new Watcher(rs.getLong("id"), rs.getString("email"),
                        rs.getString("email_key"), rs.getString("token")))
                .optional();
        if (watcher.isEmpty() || emailKey(published.authorEmail()).equals(watcher.get().emailKey())) {
            return;
        }
        var articleTitle = jdbc.sql("select title from published_articles where id = :id")
                .param("id", published.articleId())
                .query(String.class)
                .optional();
        if (articleTitle.isEmpty()) {
            return;
        }
        Watcher subscriber = watcher.get();
        String title = articleTitle.get();
        var settings = site.current();
        // The reply's own address, which leads to the page of a long thread that shows it.
        String link = settings.baseUrl() + "/comments/" + published.commentId();
        String stop = settings.baseUrl() + "/replies/unsubscribe/" + subscriber.token();
        outbox.queue(new OutgoingMail(subscriber.email(), "New reply to your comment on \"" + title + "\"",
                """
                %s replied to your comment on "%s":

                %s

                Read it and reply: %s

                You get this because you asked to be told of replies on %s.
                Stop these emails: %s
                """.formatted(published.authorName(), title, excerpt(published.body()), link, settings.name(),
                        stop),
                stop, "reply:" + published.commentId() + ":" + subscriber.id()));
    }

    /** A confirmed subscriber watching the comment a reply answers. */
    private record Watcher(long id, String email, String emailKey, String token) {
    }

    /** Addresses are matched by a keyed hash of their lower-case form, never compared in the clear. */
    private String emailKey(String email) {
        return secrets.keyedHash("reply-email", email.strip().toLowerCase(Locale.ROOT));
    }

    /** The subscriber a confirm or unsubscribe link names, if the link is still good. */
    @Transactional(readOnly = true)
    public Optional<Subscriber> byToken(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, confirmed_at is not null as confirmed, unsubscribed_at is not null as unsubscribed
                from reply_subscribers where token = :token""")
                .param("token", token)
                .query((rs, row) -> new Subscriber(rs.getLong("id"), rs.getBoolean("confirmed"),
                        rs.getBoolean("unsubscribed")))
                .optional();
    }

    /** Confirms the address; false when the link is unknown or the address has unsubscribed since. */
    @Transactional
    public boolean confirm(String token) {
        return wellFormed(token) && jdbc.sql("""
                update reply_subscribers set confirmed_at = coalesce(confirmed_at, :now)
                where token = :token and unsubscribed_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("token", token)
                .update() == 1;
    }

    /**
     * Stops every reply mail to the address and erases it (the keyed hash stays, so a later request starts a
     * fresh opt-in); mail already queued for it is dropped. False when the link is unknown.
     */
    @Transactional
    public boolean unsubscribe(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        Long id = jdbc.sql("""
                update reply_subscribers set unsubscribed_at = coalesce(unsubscribed_at, :now), email = null,
                       confirmed_at = null
                where token = :token returning id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("token", token)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return false;
        }
        jdbc.sql("delete from reply_watches where subscriber_id = :id").param("id", id).update();
        jdbc.sql("""
                delete from mail_outbox where sent_at is null and right(unsubscribe_url, length(:link)) = :link""")
                .param("link", "/replies/unsubscribe/" + token)
                .update();
        return true;
    }

    private String emailOf(long subscriberId) {
        return jdbc.sql("select email from reply_subscribers where id = :id").param("id", subscriberId)
                .query(String.class).single();
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Tokens are 32 URL-safe characters; anything else is refused before it reaches a query. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{32}");
    }

    private static String excerpt(String body) {
        String text = body.strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT).stripTrailing() + " …";
    }
}
