package com.newsroom.category;

import java.sql.Timestamp;
import java.time.Clock;
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

/** Editors manage categories: create, rename (old slug redirects), describe, reorder, delete when empty or moved. */
@Service
@Transactional
public class CategoryAdmin {

    public record Row(long id, String name, String slug, String description, int position, long articles) {
    }

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    CategoryAdmin(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Row> list() {
        return jdbc.sql("""
                select c.id, c.name, c.slug, c.description, c.position,
                       (select count(*) from articles a where a.primary_category_id = c.id) as articles
                from categories c order by c.position, c.name""")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                        rs.getString("description"), rs.getInt("position"), rs.getLong("articles")))
                .list();
    }

    @Transactional(readOnly = true)
    public Row find(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    public long create(String name, String slug, String description) {
        String wanted = slugOf(name, slug);
        requireFree(wanted, null);
        long id = jdbc.sql("""
                insert into categories (name, slug, description, position)
                values (:name, :slug, :description, (select coalesce(max(position), 0) + 1 from categories))
                returning id""")
                .param("name", name.strip()).param("slug", wanted).param("description", nz(description))
                .query(Long.class).single();
        events.publishEvent(new CategoriesChanged());
        return id;
    }

    /** Renames and describes; a new slug leaves the old one redirecting permanently. */
    public void update(long id, String name, String slug, String description, AuditLog.Actor actor) {
        Row current = find(id);
        String wanted = slugOf(name, slug);
        requireFree(wanted, id);
        jdbc.sql("update categories set name = :name, slug = :slug, description = :description where id = :id")
                .param("name", name.strip()).param("slug", wanted).param("description", nz(description))
                .param("id", id).update();
        if (!wanted.equals(current.slug())) {
            jdbc.sql("delete from category_slug_redirects where old_slug = :slug").param("slug", wanted).update();
            jdbc.sql("""
                    insert into category_slug_redirects (old_slug, category_id, created_at) values (:old, :id, :at)
                    on conflict (old_slug) do update set category_id = excluded.category_id""")
                    .param("old", current.slug()).param("id", id).param("at", Timestamp.from(clock.instant()))
                    .update();
            audit.record(actor, "category.renamed", current.slug(), "/admin/categories/" + id, "→ " + wanted);
        }
        events.publishEvent(new CategoriesChanged());
    }

    /** Moves a category one place up (-1) or down (+1) in the navigation. */
    public void move(long id, int direction) {
        List<Row> rows = list();
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException();
        }
        int other = index + Integer.signum(direction);
        if (other < 0 || other >= rows.size()) {
            return;
        }
        // Renumber in the new order, so ties and gaps never make a move a no-op.
        java.util.List<Row> ordered = new java.util.ArrayList<>(rows);
        java.util.Collections.swap(ordered, index, other);
        for (int i = 0; i < ordered.size(); i++) {
            jdbc.sql("update categories set position = :p where id = :id").param("p", i + 1)
                    .param("id", ordered.get(i).id()).update();
        }
        events.publishEvent(new CategoriesChanged());
    }

    /** Deletes a category; one with articles must name another category to move them to. */
    public void delete(long id, Long moveTo, AuditLog.Actor actor) {
        Row row = find(id);
        if (row.articles() > 0) {
            if (moveTo == null || moveTo == id) {
                throw new RuleViolation("moveTo", "admin.category.notEmpty");
            }
            find(moveTo);
            events.publishEvent(new CategoryRetiring(id, moveTo));
        }
        jdbc.sql("delete from categories where id = :id").param("id", id).update();
        // A deleted category has no page; its articles' new one does.
        audit.record(actor, "category.deleted", row.name(), row.articles() > 0 ? "/admin/categories/" + moveTo : null,
                row.articles() > 0 ? row.articles() + " article(s) moved" : "");
        events.publishEvent(new CategoriesChanged());
    }

    /** The current slug for a category's old slug, if it was renamed. */
    @Transactional(readOnly = true)
    public Optional<String> redirectFor(String oldSlug) {
        return jdbc.sql("""
                select c.slug from category_slug_redirects r join categories c on c.id = r.category_id
                where r.old_slug = :slug""")
                .param("slug", oldSlug).query(String.class).optional();
    }

    private void requireFree(String slug, Long self) {
        boolean taken = jdbc.sql("select count(*) from categories where slug = :slug and id <> coalesce(:self, -1)")
                .param("slug", slug).param("self", self).query(Integer.class).single() > 0;
        if (taken) {
            throw new RuleViolation("slug", "admin.category.slugTaken");
        }
    }

    private static String slugOf(String name, String slug) {
        String wanted = slug == null || slug.isBlank() ? Slugs.from(name) : slug.strip();
        if (!Slugs.isValid(wanted) || wanted.length() > Slugs.MAX_LENGTH) {
            throw new RuleViolation("slug", "admin.category.slugInvalid");
        }
        return wanted;
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
