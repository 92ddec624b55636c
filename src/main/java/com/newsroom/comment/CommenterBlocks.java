package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.secrets.SiteSecrets;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.PlainText;
import com.newsroom.web.RuleViolation;

/**
 * Commenters a moderator blocked: their next comments, matched by email (and, when the moderator chose, by
 * address), go straight to spam with the reason. Blocks are listed with who made them and why, and lifted
 * rather than deleted.
 */
@Service
public class CommenterBlocks {

    private final JdbcClient jdbc;

    private final Comments comments;

    private final SiteSecrets secrets;

    private final AuditLog audit;

    private final Clock clock;

    CommenterBlocks(JdbcClient jdbc, Comments comments, SiteSecrets secrets, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** A block as the moderators' list shows it. */
    public record Block(long id, String label, String reason, boolean byAddress, Long commentId, String blockedBy,
            Instant createdAt, Instant liftedAt, String liftedBy) {

        public boolean active() {
            return liftedAt == null;
        }
    }

    /** Blocks the writer of this comment; refused when they are blocked already or the reason is empty. */
    @Transactional
    public long block(long commentId, boolean byAddress, String reason, AuditLog.Actor actor) {
        Comment comment = comments.findById(commentId).orElseThrow(NotFoundException::new);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300) {
            throw new RuleViolation("reason", "admin.blocks.reasonRequired");
        }
        if (comment.getStaffId() != null || comment.getPurgedAt() != null) {
            throw new RuleViolation("reason", "admin.blocks.cannotBlock");
        }
        String label = comment.getAuthorName() + " (comment #" + commentId + ")";
        Long id = jdbc.sql("""
                insert into commenter_blocks (email_key, ip_hash, label, reason, comment_id, blocked_by, created_at)
                values (:email, :ip, :label, :reason, :comment, :by, :now)
                on conflict (email_key) where lifted_at is null do nothing
                returning id""")
                .param("email", emailKey(comment.getAuthorEmail()))
                .param("ip", byAddress ? comment.getIpHash() : null)
                .param("label", label)
                .param("reason", why)
                .param("comment", commentId)
                .param("by", actor.name())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RuleViolation("reason", "admin.blocks.alreadyBlocked"));
        audit.record(actor, "commenter.blocked", label, why + (byAddress ? " (email and address)" : " (email)"));
        return id;
    }

    /** Lifts a block; false when it was lifted already. */
    @Transactional
    public boolean lift(long blockId, AuditLog.Actor actor) {
        String label = jdbc.sql("""
                update commenter_blocks set lifted_at = :now, lifted_by = :by
                where id = :id and lifted_at is null returning label""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.name())
                .param("id", blockId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (label == null) {
            return false;
        }
        audit.record(actor, "commenter.unblocked", label, "");
        return true;
    }

    /** Who a block from this comment would name: the writer's name and the comment, for the block form. */
    @Transactional(readOnly = true)
    public String describe(long commentId) {
        Comment comment = comments.findById(commentId).orElseThrow(NotFoundException::new);
        return comment.getAuthorName() + " (comment #" + commentId + "): " + PlainText.excerpt(comment.getBody(), 200);
    }

    /** Active blocks first, newest first; then lifted ones. */
    @Transactional(readOnly = true)
    public List<Block> all() {
        return jdbc.sql("""
                select id, label, reason, ip_hash is not null as by_address, comment_id, blocked_by, created_at,
                       lifted_at, lifted_by
                from commenter_blocks order by lifted_at is not null, created_at desc, id desc limit 500""")
                .query((rs, row) -> new Block(rs.getLong("id"), rs.getString("label"), rs.getString("reason"),
                        rs.getBoolean("by_address"), (Long) rs.getObject("comment_id"), rs.getString("blocked_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("lifted_at") == null ? null : rs.getTimestamp("lifted_at").toInstant(),
                        rs.getString("lifted_by")))
                .list();
    }

    /** The reason of an active block matching this email or address, if any. */
    Optional<String> match(String email, String ipHash) {
        return jdbc.sql("""
                select reason from commenter_blocks
                where lifted_at is null and (email_key = :email or (ip_hash is not null and ip_hash = :ip))
                order by created_at limit 1""")
                .param("email", emailKey(email))
                .param("ip", ipHash)
                .query(String.class)
                .optional();
    }

    private String emailKey(String email) {
        return secrets.keyedHash("commenter-email", email.strip().toLowerCase(Locale.ROOT));
    }
}
