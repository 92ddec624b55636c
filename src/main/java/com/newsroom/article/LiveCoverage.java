package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import com.newsroom.audit.AuditLog;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.PlainText;
import com.newsroom.web.RuleViolation;

/**
 * Live coverage: an editor makes an article a live page and posts short, dated updates to it (Markdown, through the
 * article body's renderer and sanitizer), newest first, pinned ones above the rest. Updates can be edited (the text
 * they had is kept, for staff) and deleted; closing the live page leaves the updates on the article as a record.
 * Tables live_coverage, live_updates and live_update_revisions (V130) are written here only; their triggers drop the
 * article's cached pages whenever readers would see a difference.
 */
@Service
@Transactional
public class LiveCoverage {

    /** Characters of Markdown in one update: a live update is short; a longer piece is an article of its own. */
    public static final int MAX_UPDATE = 5000;

    /** One update as readers see it. */
    public record Update(long id, String bodyHtml, String authorName, Instant postedAt, Instant editedAt,
            boolean pinned) {

        /** The update as plain text on one line, for structured data and feed titles. */
        public String text() {
            return HtmlUtils.htmlUnescape(TAGS.matcher(bodyHtml).replaceAll(" ")).replaceAll("\\s+", " ").strip();
        }
    }

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    /**
     * An article's live coverage as its page shows it: while {@link #live()}, the page carries the "Live" marker and
     * LiveBlogPosting structured data; once closed, the updates stay as a record.
     */
    public record LivePage(Instant startedAt, Instant endedAt, List<Update> updates, String jsonLd) {

        public boolean live() {
            return endedAt == null;
        }

        /** The address of the feed of the updates, beside the article's page. */
        public static String feedPath(String slug) {
            return "/articles/" + slug + "/live.atom";
        }
    }

    /** The text an update had before an edit, who replaced it and when. */
    public record Revision(String markdown, Instant replacedAt, String replacedBy) {
    }

    /** One update as the live desk shows it to staff: its Markdown to edit and its history. */
    public record DeskUpdate(long id, String markdown, String bodyHtml, String authorName, Instant postedAt,
            Instant editedAt, boolean pinned, List<Revision> history) {
    }

    /** The article's live desk: the article, its coverage (null before it ever went live) and every update. */
    public record Desk(long articleId, String title, String slug, boolean published, Instant startedAt,
            Instant endedAt, List<DeskUpdate> updates) {

        public boolean started() {
            return startedAt != null;
        }

        public boolean live() {
            return startedAt != null && endedAt == null;
        }
    }

    private final JdbcClient jdbc;

    private final MarkdownRenderer markdown;

    private final AuditLog audit;

    private final Clock clock;

    private final StructuredData structuredData;

    LiveCoverage(JdbcClient jdbc, MarkdownRenderer markdown, AuditLog audit, Clock clock,
            StructuredData structuredData) {
        this.structuredData = structuredData;
        this.jdbc = jdbc;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The coverage of an article that is or was live, pinned updates first, then newest first; empty for every
     * other article. One statement, no transaction (with JPA's transaction manager, no persistence context).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<LivePage> forArticle(long articleId) {
        List<Object[]> rows = jdbc.sql("""
                select c.started_at, c.ended_at, u.id, u.body_html, u.author_name, u.posted_at, u.edited_at, u.pinned
                from live_coverage c left join live_updates u on u.article_id = c.article_id
                where c.article_id = :id
                order by u.pinned desc, u.posted_at desc, u.id desc""")
                .param("id", articleId)
                .query((rs, row) -> new Object[] { instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                    rs.getObject(3) == null ? null : new Update(rs.getLong(3), rs.getString(4), rs.getString(5),
                            instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getBoolean(8)) })
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Update> updates = new ArrayList<>();
        rows.forEach(row -> {
            if (row[2] != null) {
                updates.add((Update) row[2]);
            }
        });
        return Optional.of(new LivePage((Instant) rows.get(0)[0], (Instant) rows.get(0)[1], List.copyOf(updates),
                null));
    }

    /**
     * The coverage the article's page shows, if the article is or was live; while live it carries the page's
     * LiveBlogPosting description, which stands in for the NewsArticle one.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<LivePage> forPage(ArticlePage page) {
        return forArticle(page.id()).map(live -> live.live()
                ? new LivePage(live.startedAt(), live.endedAt(), live.updates(),
                        structuredData.liveBlogPosting(page, live))
                : live);
    }

    @Transactional(readOnly = true)
    public Desk desk(long articleId, Editor editor) {
        requireEditor(editor);
        Desk article = jdbc.sql("""
                select a.id, a.title, a.slug, a.status, c.started_at, c.ended_at
                from articles a left join live_coverage c on c.article_id = a.id
                where a.id = :id and a.trashed_at is null""")
                .param("id", articleId)
                .query((rs, row) -> new Desk(rs.getLong(1), rs.getString(2), rs.getString(3),
                        "PUBLISHED".equals(rs.getString(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        List.of()))
                .optional().orElseThrow(NotFoundException::new);
        Map<Long, List<Revision>> history = new LinkedHashMap<>();
        jdbc.sql("""
                select r.update_id, r.body_markdown, r.replaced_at, r.replaced_by_name
                from live_update_revisions r join live_updates u on u.id = r.update_id
                where u.article_id = :id order by r.replaced_at desc, r.id desc""")
                .param("id", articleId)
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                            new Revision(rs.getString(2), instant(rs.getTimestamp(3)), rs.getString(4)));
                });
        List<DeskUpdate> updates = jdbc.sql("""
                select id, body_markdown, body_html, author_name, posted_at, edited_at, pinned from live_updates
                where article_id = :id order by pinned desc, posted_at desc, id desc""")
                .param("id", articleId)
                .query((rs, row) -> new DeskUpdate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getBoolean(7),
                        List.copyOf(history.getOrDefault(rs.getLong(1), List.of()))))
                .list();
        return new Desk(article.articleId(), article.title(), article.slug(), article.published(),
                article.startedAt(), article.endedAt(), updates);
    }

    /** Makes the article a live page (again, if it was closed: its coverage goes on where it stopped). */
    public void start(long articleId, Editor editor) {
        Desk desk = desk(articleId, editor);
        if (desk.live()) {
            return;
        }
        Instant now = clock.instant();
        if (desk.started()) {
            jdbc.sql("update live_coverage set ended_at = null where article_id = :id").param("id", articleId).update();
        }
        else {
            jdbc.sql("insert into live_coverage (article_id, started_at, started_by) values (:id, :at, :by)")
                    .param("id", articleId).param("at", Timestamp.from(now)).param("by", editor.staffIdOrNull())
                    .update();
        }
        record(editor, "live.started", desk, "/articles/" + desk.slug());
    }

    /** Ends the live coverage: the article reads as a normal one again, its updates kept as a record. */
    public void close(long articleId, Editor editor) {
        Desk desk = desk(articleId, editor);
        if (!desk.live()) {
            throw RuleViolation.conflict(null, "live.notLive");
        }
        jdbc.sql("update live_coverage set ended_at = :at where article_id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", articleId).update();
        record(editor, "live.closed", desk, desk.updates().size() + " updates");
    }

    /** Posts an update, signed by the editor; returns its id. */
    public long post(long articleId, String text, Editor editor) {
        Desk desk = desk(articleId, editor);
        String source = required(text);
        if (!desk.live()) {
            throw RuleViolation.conflict("body", "live.notLive");
        }
        long id = jdbc.sql("""
                insert into live_updates (article_id, body_markdown, body_html, author_id, author_name, posted_at)
                values (:article, :markdown, :html, :by, :name, :at) returning id""")
                .param("article", articleId).param("markdown", source).param("html", markdown.render(source).html())
                .param("by", editor.staffIdOrNull()).param("name", editor.name())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        record(editor, "live.posted", desk, "#update-" + id + ": " + PlainText.excerpt(source, 120));
        return id;
    }

    /** Replaces an update's text; the text it had is kept in its history. */
    public void edit(long articleId, long updateId, String text, Editor editor) {
        Desk desk = desk(articleId, editor);
        String source = required(text);
        DeskUpdate update = update(desk, updateId);
        if (update.markdown().equals(source)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into live_update_revisions (update_id, body_markdown, replaced_at, replaced_by, replaced_by_name)
                values (:id, :markdown, :at, :by, :name)""")
                .param("id", updateId).param("markdown", update.markdown()).param("at", Timestamp.from(now))
                .param("by", editor.staffIdOrNull()).param("name", editor.name()).update();
        jdbc.sql("update live_updates set body_markdown = :markdown, body_html = :html, edited_at = :at where id = :id")
                .param("markdown", source).param("html", markdown.render(source).html())
                .param("at", Timestamp.from(now)).param("id", updateId).update();
        record(editor, "live.edited", desk, "#update-" + updateId + ": " + PlainText.excerpt(source, 120));
    }

    /** Pins an update above the others, or unpins it. */
    public void pin(long articleId, long updateId, boolean pinned, Editor editor) {
        Desk desk = desk(articleId, editor);
        DeskUpdate update = update(desk, updateId);
        if (update.pinned() == pinned) {
            return;
        }
        jdbc.sql("update live_updates set pinned = :pinned where id = :id")
                .param("pinned", pinned).param("id", updateId).update();
        record(editor, pinned ? "live.pinned" : "live.unpinned", desk,
                "#update-" + updateId + ": " + PlainText.excerpt(update.markdown(), 120));
    }

    /** Deletes an update for good; the audit entry keeps what it said. */
    public void delete(long articleId, long updateId, Editor editor) {
        Desk desk = desk(articleId, editor);
        DeskUpdate update = update(desk, updateId);
        jdbc.sql("delete from live_updates where id = :id").param("id", updateId).update();
        record(editor, "live.deleted", desk, "#update-" + updateId + ": " + PlainText.excerpt(update.markdown(), 120));
    }

    private static DeskUpdate update(Desk desk, long updateId) {
        return desk.updates().stream().filter(u -> u.id() == updateId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private void record(Editor editor, String action, Desk desk, String detail) {
        audit.record(new AuditLog.Actor(editor.staffIdOrNull(), editor.name()), action, desk.title(),
                "/admin/articles/" + desk.articleId() + "/live", detail);
    }

    private static String required(String text) {
        String source = text == null ? "" : text.strip();
        if (source.isEmpty()) {
            throw new RuleViolation("body", "live.update.required");
        }
        if (source.length() > MAX_UPDATE) {
            throw new RuleViolation("body", "live.update.tooLong");
        }
        return source;
    }

    private static void requireEditor(Editor editor) {
        if (!editor.isEditor()) {
            throw new AccessDeniedException("Only editors run live coverage.");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
