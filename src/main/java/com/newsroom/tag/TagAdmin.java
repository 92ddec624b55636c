package com.newsroom.tag;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.Slugs;
import com.newsroom.web.paging.KeysetPage;

/** Editors tidy tags: list, rename, merge one into another, delete. */
@Service
@Transactional
public class TagAdmin {

    public static final int PAGE_SIZE = 50;

    public record Row(long id, String name, String slug, long articles) {
    }

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    TagAdmin(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Tags by name; {@code after} is the last slug of the previous page (the slug index makes every page cheap). */
    @Transactional(readOnly = true)
    public KeysetPage<Row> list(String after) {
        List<Row> rows = jdbc.sql("""
                select t.id, t.name, t.slug, (select count(*) from article_tags at where at.tag_id = t.id) as articles
                from tags t where (cast(:after as text) is null or t.slug > :after)
                order by t.slug limit :limit""")
                .param("after", after == null || after.isBlank() ? null : after).param("limit", PAGE_SIZE + 1)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                        rs.getLong("articles")))
                .list();
        return KeysetPage.of(rows, PAGE_SIZE, Row::slug);
    }

    /**
     * Where a tag's row is in {@link #list}: the {@code after} that starts the page with it (empty on the first
     * page), so a link can name one tag (the audit log's, say) however many come before it.
     */
    @Transactional(readOnly = true)
    public Optional<String> pageStartingWith(long id) {
        String slug = jdbc.sql("select slug from tags where id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(NotFoundException::new);
        return jdbc.sql("select max(slug) from tags where slug < :slug").param("slug", slug).query(String.class)
                .optional();
    }

    public void rename(long id, String name) {
        String slug = Slugs.from(name == null ? "" : name);
        if (name == null || name.isBlank() || name.strip().length() > 80 || slug.isEmpty()) {
            throw new RuleViolation("admin.tag.nameInvalid");
        }
        if (jdbc.sql("select count(*) from tags where slug = :slug and id <> :id").param("slug", slug).param("id", id)
                .query(Integer.class).single() > 0) {
            throw new RuleViolation("admin.tag.nameTaken");
        }
        if (jdbc.sql("update tags set name = :name, slug = :slug where id = :id").param("name", name.strip())
                .param("slug", slug).param("id", id).update() == 0) {
            throw new NotFoundException();
        }
    }

    /** Moves every article of {@code sourceId} to {@code targetId}, then deletes the source tag. */
    public void merge(long sourceId, long targetId, AuditLog.Actor actor) {
        if (sourceId == targetId) {
            throw new RuleViolation("admin.tag.mergeSame");
        }
        String source = name(sourceId);
        String target = name(targetId);
        events.publishEvent(new TagsMerging(sourceId, targetId));
        jdbc.sql("delete from tags where id = :id").param("id", sourceId).update();
        audit.record(actor, "tag.merged", source, "/admin/tags/" + targetId, "→ " + target);
    }

    public void delete(long id, AuditLog.Actor actor) {
        String name = name(id);
        jdbc.sql("delete from tags where id = :id").param("id", id).update();
        audit.record(actor, "tag.deleted", name, "");
    }

    private String name(long id) {
        return jdbc.sql("select name from tags where id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(NotFoundException::new);
    }
}
