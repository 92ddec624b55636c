package com.newsroom.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who published, unpublished, deleted or changed roles, and when: written in the same transaction as the change. */
@Service
public class AuditLog {

    /** The person (or the system, with a null id) behind an action. */
    public record Actor(Long staffId, String name) {

        public static final Actor SYSTEM = new Actor(null, "System");
    }

    public record Entry(long id, Instant at, String actorName, String action, String subject, String detail) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_log (at, actor_id, actor_name, action, subject, detail)
                values (:at, :actor, :name, :action, :subject, :detail)""")
                .param("at", Timestamp.from(clock.instant())).param("actor", actor.staffId())
                .param("name", actor.name()).param("action", action).param("subject", subject)
                .param("detail", detail == null ? "" : detail).update();
    }

    /** Newest first; {@code beforeId} pages back through older entries. */
    @Transactional(readOnly = true)
    public List<Entry> recent(Long beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor_name, action, subject, detail from audit_log
                where (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
                .param("before", beforeId).param("limit", limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail")))
                .list();
    }
}
