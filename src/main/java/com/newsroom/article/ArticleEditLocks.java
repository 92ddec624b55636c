package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is editing which article, so a second editor opening it is told who and since when, and can take over
 * (as WordPress's post lock). Opening the editor takes the lock unless someone else active holds it; typing
 * (the autosave) keeps it fresh; a lock left alone for {@link #RELEASED_AFTER} is free again. The lock warns,
 * it does not forbid: a save over someone's newer save is still caught and shown side by side.
 */
@Service
@Transactional
public class ArticleEditLocks {

    /** How long a lock lasts without the holder opening, typing in or saving the article. */
    public static final Duration RELEASED_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    private final Clock clock;

    ArticleEditLocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Someone else editing: their name, since when, and when they were last active. */
    public record Holder(String name, Instant since, Instant seenAt) {
    }

    /**
     * {@code me} opens the article: they take (or keep) the lock unless someone else holds it and was active
     * lately; then that someone is returned and the lock stays theirs.
     */
    public Optional<Holder> open(long articleId, Editor me) {
        Optional<Holder> other = otherActiveHolder(articleId, me);
        if (other.isEmpty()) {
            hold(articleId, me);
        }
        return other;
    }

    /** {@code me} takes the lock from whoever held it. */
    public void takeOver(long articleId, Editor me) {
        hold(articleId, me);
    }

    /**
     * {@code me} is still at work (typing, saving): their lock stays fresh. When someone else has taken it over
     * meanwhile, that someone is returned and the lock stays theirs.
     */
    public Optional<Holder> stillEditing(long articleId, Editor me) {
        return open(articleId, me);
    }

    private Optional<Holder> otherActiveHolder(long articleId, Editor me) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select staff_name, since, seen_at from article_edit_locks
                where article_id = :article and staff_id <> :me and seen_at > :freshSince""")
                .param("article", articleId).param("me", me.staffId())
                .param("freshSince", Timestamp.from(now.minus(RELEASED_AFTER)))
                .query((rs, n) -> new Holder(rs.getString("staff_name"), rs.getTimestamp("since").toInstant(),
                        rs.getTimestamp("seen_at").toInstant()))
                .optional();
    }

    /** The lock is {@code me}'s: since now if it was someone else's (or nobody's), refreshed if already theirs. */
    private void hold(long articleId, Editor me) {
        if (me.staffIdOrNull() == null) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into article_edit_locks (article_id, staff_id, staff_name, since, seen_at)
                values (:article, :me, :name, :now, :now)
                on conflict (article_id) do update set
                    since = case when article_edit_locks.staff_id = excluded.staff_id
                                  and article_edit_locks.seen_at > :freshSince
                                 then article_edit_locks.since else excluded.since end,
                    staff_id = excluded.staff_id, staff_name = excluded.staff_name, seen_at = excluded.seen_at""")
                .param("article", articleId).param("me", me.staffId()).param("name", me.name()).param("now", now)
                .param("freshSince", Timestamp.from(clock.instant().minus(RELEASED_AFTER))).update();
    }
}
