package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.article.ArticleCard.Ref;
import com.newsroom.audit.AuditLog;
import com.newsroom.author.Author;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.media.Picture;
import com.newsroom.tag.Tags;
import com.newsroom.web.ForbiddenException;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.Slugs;

import tools.jackson.databind.json.JsonMapper;

/**
 * Staged updates to published articles. Saving one keeps the editor's next version of the text apart from the
 * article (table article_pending_updates): readers keep the published text, the article's row is not touched and
 * so no cached page is dropped. Each save is a revision, marked as an update; an author submits it for review and
 * an editor returns it with a note, as with a draft. Publishing it, now or at a set time (the
 * {@link ScheduledPublisher} claims due updates exactly once across instances), writes it over the live text
 * through {@link Article#updatePublished}: the "Updated" time, the audit entry and the page-cache events are the
 * article's own, and an optional correction note is recorded through {@link ArticleCorrections}. Authors stage and
 * submit updates to their own pieces; publishing, scheduling and returning them need an editor.
 */
@Service
@Transactional
public class ArticleUpdates {

    static final int BATCH = 100;

    private static final int MAX_CORRECTION = 2000;

    /** A staged update as the editor and its page show it. */
    public record Pending(long articleId, ArticleInput content, long version, Instant startedAt, Instant savedAt,
            String savedBy, boolean inReview, Instant returnedAt, String returnNote, Instant publishAt,
            String correctionNote) {

        public boolean returned() {
            return returnedAt != null;
        }

        /** The live article as the editor form shows it, with this update's text in place of the live one. */
        public EditableArticle over(EditableArticle live) {
            return new EditableArticle(live.id(), live.version(), live.status(), live.inReview(), live.publishedAt(),
                    live.updatedAt(), live.unpublishAt(), content, live.corrections(), live.trashedAt());
        }
    }

    /** A staged update in a list (the dashboard): the live title, when it was saved, whether and when it goes out. */
    public record Waiting(long articleId, String title, Instant savedAt, boolean inReview, boolean returned,
            Instant publishAt) {
    }

    private final Articles articles;

    private final ArticleEditor editor;

    private final ArticleRevisions revisions;

    private final ArticleCorrections corrections;

    private final ArticleWorkflow workflow;

    private final ArticleQueries queries;

    private final MarkdownRenderer markdown;

    private final Categories categories;

    private final Tags tags;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final AuditLog audit;

    private final TransactionTemplate transaction;

    private final Clock clock;

    ArticleUpdates(Articles articles, ArticleEditor editor, ArticleRevisions revisions, ArticleCorrections corrections,
            ArticleWorkflow workflow, ArticleQueries queries, MarkdownRenderer markdown, Categories categories,
            Tags tags, JdbcClient jdbc, JsonMapper json, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.articles = articles;
        this.editor = editor;
        this.revisions = revisions;
        this.corrections = corrections;
        this.workflow = workflow;
        this.queries = queries;
        this.markdown = markdown;
        this.categories = categories;
        this.tags = tags;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The article's staged update, if it has one; for whoever may open the article in the editor. */
    @Transactional(readOnly = true)
    public Optional<Pending> find(long articleId, Editor by) {
        ArticleEditor.requireStagingAccess(find(articleId), by);
        return row(articleId, false);
    }

    /**
     * Saves the editor form as the article's staged update. {@code expectedUpdateVersion} is the version of the
     * update the form was loaded from (null: it was loaded from the live text, whose version must then still be
     * {@code expectedArticleVersion}); anything else means someone saved since, and the save is refused.
     */
    public void save(long articleId, Long expectedUpdateVersion, long expectedArticleVersion, ArticleInput input,
            Editor by) {
        Article article = live(articleId, by);
        Optional<Pending> current = row(articleId, true);
        boolean stale = current.isPresent() ? !Long.valueOf(current.get().version()).equals(expectedUpdateVersion)
                : expectedUpdateVersion != null || article.getVersion() != expectedArticleVersion;
        if (stale) {
            throw new StaleArticleException();
        }
        String slug = ArticleEditor.slugFor(input);
        editor.category(input.categoryId());
        ArticleInput content = new ArticleInput(input.title().strip(), slug, input.dek(), input.bodyMarkdown(),
                input.excerpt(), input.heroImageUrl(), input.heroImageAlt(), input.heroImageCaption(),
                input.categoryId(), input.tagNames(), ArticleEditor.bylineFor(input, by), input.featured(),
                input.commentsOpen(), input.metaDescription(), input.socialImageUrl(), input.socialImageAlt());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into article_pending_updates (article_id, content, version, started_at, started_by, saved_at,
                    saved_by, saved_by_name)
                values (:article, cast(:content as jsonb), 0, :now, :by, :now, :by, :name)
                on conflict (article_id) do update set content = excluded.content,
                    version = article_pending_updates.version + 1, saved_at = excluded.saved_at,
                    saved_by = excluded.saved_by, saved_by_name = excluded.saved_by_name""")
                .param("article", articleId).param("content", json.writeValueAsString(content))
                .param("now", Timestamp.from(now)).param("by", by.staffIdOrNull()).param("name", by.name())
                .update();
        revisions.recordUpdate(articleId, content, slug, by, now);
        if (current.isEmpty()) {
            record(by, "article.updateStarted", article, "");
        }
    }

    /** An author asks an editor to look at the update (as with a draft; a second request changes nothing). */
    public void submitForReview(long articleId, Editor by) {
        Article article = live(articleId, by);
        Pending pending = required(articleId);
        if (pending.inReview()) {
            return;
        }
        jdbc.sql("""
                update article_pending_updates set review_requested_at = :now, returned_at = null, return_note = null
                where article_id = :article""")
                .param("now", Timestamp.from(clock.instant())).param("article", articleId).update();
        record(by, "article.updateSubmitted", article, "");
    }

    /** An editor sends the update in review back to its author with a note (kept with the article's notes). */
    public void returnToAuthor(long articleId, String note, Editor by) {
        requireEditor(by);
        Article article = live(articleId, by);
        Pending pending = required(articleId);
        if (!pending.inReview()) {
            throw new RuleViolation("note", "update.notInReview");
        }
        String text = ArticleWorkflow.required(note);
        Instant now = clock.instant();
        jdbc.sql("""
                update article_pending_updates set review_requested_at = null, returned_at = :now, return_note = :note
                where article_id = :article""")
                .param("now", Timestamp.from(now)).param("note", text).param("article", articleId).update();
        workflow.insert(articleId, "RETURNED", text, by, now);
        record(by, "article.updateReturned", article, text);
    }

    /**
     * Publishes the update now over the live text, refused when it changed since the editor saw version
     * {@code expectedVersion}. {@code correction} (null: none asked for) is recorded as a correction note readers
     * see; asked for but left empty, it is refused.
     */
    public void publishNow(long articleId, long expectedVersion, String correction, Editor by) {
        requireEditor(by);
        Article article = live(articleId, by);
        Pending pending = required(articleId);
        if (pending.version() != expectedVersion) {
            throw RuleViolation.conflict("update", "update.changedSince");
        }
        publish(article, pending, correctionNote(correction), by, "");
    }

    /** Plans the update's publication at {@code at}, with the correction note to record then (or none). */
    public void schedule(long articleId, long expectedVersion, Instant at, String correction, Editor by) {
        requireEditor(by);
        Article article = live(articleId, by);
        Pending pending = required(articleId);
        if (pending.version() != expectedVersion) {
            throw RuleViolation.conflict("update", "update.changedSince");
        }
        if (at == null) {
            throw new RuleViolation("publishAt", "admin.article.scheduleRequired");
        }
        if (!at.isAfter(clock.instant())) {
            throw new RuleViolation("publishAt", "admin.article.scheduleInPast");
        }
        jdbc.sql("""
                update article_pending_updates set publish_at = :at, correction_note = :note,
                    review_requested_at = null, returned_at = null, return_note = null
                where article_id = :article""")
                .param("at", Timestamp.from(at)).param("note", correctionNote(correction))
                .param("article", articleId).update();
        record(by, "article.updateScheduled", article, at.toString());
    }

    /** The update stays staged, with no time set. */
    public void cancelSchedule(long articleId, Editor by) {
        requireEditor(by);
        Article article = live(articleId, by);
        required(articleId);
        jdbc.sql("update article_pending_updates set publish_at = null where article_id = :article")
                .param("article", articleId).update();
        record(by, "article.updateScheduleCancelled", article, "");
    }

    /** Throws the update away (its revisions stay); readers never saw it. */
    public void discard(long articleId, Editor by) {
        Article article = find(articleId);
        ArticleEditor.requireStagingAccess(article, by);
        required(articleId);
        jdbc.sql("delete from article_pending_updates where article_id = :article").param("article", articleId)
                .update();
        record(by, "article.updateDiscarded", article, "");
    }

    /**
     * The article page as readers will get it once the update is published: the update's text, section, tags and
     * byline, dated as updated now, with the correction note it is scheduled with.
     */
    @Transactional(readOnly = true)
    public ArticlePage preview(long articleId, Editor by) {
        ArticleEditor.requireStagingAccess(find(articleId), by);
        Pending pending = row(articleId, false).orElseThrow(NotFoundException::new);
        ArticlePage live = queries.preview(articleId);
        ArticleInput c = pending.content();
        RenderedBody body = markdown.render(c.bodyMarkdown());
        Category category = categories.findById(c.categoryId()).orElseThrow(NotFoundException::new);
        List<Author> byline = editor.byline(c.authorIds());
        List<Ref> tagRefs = c.tagNames().stream()
                .map(name -> tags.findBySlug(Slugs.from(name)).map(t -> new Ref(t.getName(), t.getSlug()))
                        .orElseGet(() -> new Ref(name.strip(), Slugs.from(name))))
                .filter(ref -> !ref.slug().isEmpty()).distinct()
                .sorted(Comparator.comparing(Ref::name, String.CASE_INSENSITIVE_ORDER)).toList();
        List<ArticleCorrections.Correction> notes = new ArrayList<>(live.corrections());
        Instant now = clock.instant();
        if (pending.correctionNote() != null) {
            notes.add(new ArticleCorrections.Correction(pending.publishAt() == null ? now : pending.publishAt(),
                    pending.correctionNote()));
        }
        String excerpt = Excerpts.ownOrLead(c.excerpt(), c.bodyMarkdown());
        // The live hero's sizes serve only while the update keeps the same picture.
        Picture hero = Objects.equals(blankToNull(c.heroImageUrl()), live.heroImageUrl()) ? live.heroPicture() : null;
        return new ArticlePage(live.id(), c.title(), c.slug(), c.dek(), body.html(), excerpt,
                blankToNull(c.heroImageUrl()), blankToNull(c.heroImageAlt()), blankToNull(c.heroImageCaption()),
                new Ref(category.getName(), category.getSlug()),
                byline.stream().map(a -> new ArticlePage.Byline(a.getDisplayName(), a.getSlug(), a.getBio())).toList(),
                tagRefs, live.publishedAt(), pending.publishAt() == null ? now : pending.publishAt(),
                body.readingMinutes(), c.commentsOpen(), live.commentCount(), live.related(), notes, live.metadata(),
                hero, ArticlePage.Sharing.of(c.metaDescription(), excerpt, c.dek(), c.socialImageUrl(),
                        c.socialImageAlt(), c.heroImageUrl(), c.heroImageAlt()));
    }

    /** Staged updates, most recently saved first: all of them, or those on {@code ownStaffId}'s pieces. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(Long ownStaffId, int limit) {
        return jdbc.sql("""
                select a.id, a.title, u.saved_at, u.review_requested_at is not null as in_review,
                       u.returned_at is not null as returned, u.publish_at
                from article_pending_updates u join articles a on a.id = u.article_id
                where a.trashed_at is null and (cast(:own as bigint) is null or a.created_by = :own
                    or exists (select 1 from article_authors aa where aa.article_id = a.id and aa.staff_id = :own))
                order by u.saved_at desc, a.id desc limit :limit""")
                .param("own", ownStaffId).param("limit", limit)
                .query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("title"),
                        rs.getTimestamp("saved_at").toInstant(), rs.getBoolean("in_review"),
                        rs.getBoolean("returned"),
                        rs.getTimestamp("publish_at") == null ? null : rs.getTimestamp("publish_at").toInstant()))
                .list();
    }

    /**
     * Publishes every staged update due by {@code now} on a live article, batch after batch, each batch in a
     * transaction of its own. Rows are claimed with {@code for update skip locked} and deleted as they are
     * published, so with several instances each update goes out once. Returns how many this instance published.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int publishDue(Instant now) {
        int total = 0;
        int claimed;
        do {
            claimed = transaction.execute(status -> {
                List<Long> due = jdbc.sql("""
                        select u.article_id from article_pending_updates u join articles a on a.id = u.article_id
                        where u.publish_at <= :now and a.status = 'PUBLISHED' and a.trashed_at is null
                        order by u.publish_at, u.article_id limit :limit
                        for update of u skip locked""")
                        .param("now", Timestamp.from(now)).param("limit", BATCH).query(Long.class).list();
                for (long id : due) {
                    Pending pending = row(id, false).orElseThrow();
                    publish(find(id), pending, pending.correctionNote(), Editor.SYSTEM, "(scheduled)");
                }
                return due.size();
            });
            total += claimed;
        }
        while (claimed == BATCH);
        return total;
    }

    private void publish(Article article, Pending pending, String correction, Editor by, String detail) {
        long id = article.getId();
        editor.writeUpdate(article, pending.content(), by, detail);
        if (correction != null) {
            Instant now = clock.instant();
            corrections.add(id, correction, by, now);
            article.corrected(correction, by, now);
            articles.saveAndFlush(article);
        }
        jdbc.sql("delete from article_pending_updates where article_id = :article").param("article", id).update();
    }

    /** The published article {@code by} may stage an update to; anything else has no live text to update. */
    private Article live(long articleId, Editor by) {
        Article article = find(articleId);
        if (article.getTrashedAt() != null) {
            throw new ForbiddenException();
        }
        ArticleEditor.requireStagingAccess(article, by);
        if (!article.isPublic()) {
            throw RuleViolation.conflict("update", "update.notLive");
        }
        return article;
    }

    private Pending required(long articleId) {
        return row(articleId, true).orElseThrow(() -> RuleViolation.conflict("update", "update.none"));
    }

    private Optional<Pending> row(long articleId, boolean lock) {
        return jdbc.sql("select *, content::text as document from article_pending_updates where article_id = :article"
                + (lock ? " for update" : ""))
                .param("article", articleId)
                .query((rs, n) -> new Pending(rs.getLong("article_id"),
                        json.readValue(rs.getString("document"), ArticleInput.class), rs.getLong("version"),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("saved_at")),
                        rs.getString("saved_by_name"), rs.getTimestamp("review_requested_at") != null,
                        instant(rs.getTimestamp("returned_at")), rs.getString("return_note"),
                        instant(rs.getTimestamp("publish_at")), rs.getString("correction_note")))
                .optional();
    }

    private Article find(long articleId) {
        return articles.findById(articleId).orElseThrow(NotFoundException::new);
    }

    private void record(Editor by, String action, Article article, String detail) {
        audit.record(new AuditLog.Actor(by.staffIdOrNull(), by.name()), action, article.getTitle(),
                "/admin/articles/" + article.getId() + "/edit", detail);
    }

    /** The correction note to record with the update: null when "add a correction note" was not ticked. */
    private static String correctionNote(String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.strip().length() > MAX_CORRECTION) {
            throw new RuleViolation("correction", "admin.article.correctionInvalid");
        }
        return text.strip();
    }

    private static void requireEditor(Editor by) {
        if (!by.isEditor()) {
            throw new AccessDeniedException("editors only");
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
