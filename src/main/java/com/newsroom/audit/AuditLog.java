package com.newsroom.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the newsroom did and who did it: articles created, submitted, published; uploads; every moderation
 * decision; staff, roles and settings. Written in the same transaction as the change, so an entry exists exactly
 * when the change does.
 */
@Service
public class AuditLog {

    /** The person (or the system, with a null id) behind an action. */
    public record Actor(Long staffId, String name) {

        public static final Actor SYSTEM = new Actor(null, "System");
    }

    /** One entry; {@code link} is the admin page of its subject, or null when there is none (deleted, say). */
    public record Entry(long id, Instant at, Long actorId, String actorName, String action, String subject,
            String link, String detail) {
    }

    /** What the log is narrowed to; null parts do not narrow. {@code until} is exclusive. */
    public record Filter(Long actorId, String action, Instant from, Instant until) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Someone who appears in the log, to filter by. */
    public record Person(long staffId, String name) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subject, String detail) {
        record(actor, action, subject, null, detail);
    }

    /** An entry whose subject has an admin page at {@code link} (a path on this site). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subject, String link, String detail) {
        jdbc.sql("""
                insert into audit_log (at, actor_id, actor_name, action, subject, link, detail)
                values (:at, :actor, :name, :action, :subject, :link, :detail)""")
                .param("at", Timestamp.from(clock.instant())).param("actor", actor.staffId())
                .param("name", actor.name()).param("action", action).param("subject", subject)
                .param("link", link).param("detail", detail == null ? "" : detail).update();
    }

    /** Newest first; {@code beforeId} pages back through older entries. */
    @Transactional(readOnly = true)
    public List<Entry> recent(Long beforeId, int limit) {
        return recent(Filter.NONE, beforeId, limit);
    }

    /** Newest first, narrowed by {@code filter}; {@code beforeId} pages back (keyset, so page 100 costs what page 1 does). */
    @Transactional(readOnly = true)
    public List<Entry> recent(Filter filter, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor_id, actor_name, action, subject, link, detail from audit_log
                where (cast(:before as bigint) is null or id < :before)
                  and (cast(:actor as bigint) is null or actor_id = :actor)
                  and (cast(:action as text) is null or action = :action)
                  and (cast(:from as timestamptz) is null or at >= :from)
                  and (cast(:until as timestamptz) is null or at < :until)
                order by id desc limit :limit""")
                .param("before", beforeId).param("actor", filter.actorId()).param("action", filter.action())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("until", filter.until() == null ? null : Timestamp.from(filter.until()))
                .param("limit", limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("link"), rs.getString("detail")))
                .list();
    }

    /** Every kind of action the log holds, for the action filter (a skip scan over its index: one probe per kind). */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("""
                with recursive kinds(action) as (
                    (select action from audit_log order by action limit 1)
                    union all
                    select (select a.action from audit_log a where a.action > kinds.action order by a.action limit 1)
                    from kinds where kinds.action is not null
                )
                select action from kinds where action is not null""")
                .query(String.class).list();
    }

    /** The staff who appear in the log, by name (their latest name), for the person filter. */
    @Transactional(readOnly = true)
    public List<Person> people() {
        return jdbc.sql("""
                select distinct on (actor_id) actor_id, actor_name from audit_log
                where actor_id is not null order by actor_id, id desc""")
                .query((rs, row) -> new Person(rs.getLong("actor_id"), rs.getString("actor_name")))
                .list().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }
}
