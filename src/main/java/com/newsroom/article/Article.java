package com.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.web.RuleViolation;

@Entity
@Table(name = "articles")
public class Article extends AbstractAggregateRoot<Article> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String slug;

    private String dek = "";

    private String bodyMarkdown = "";

    /** Sanitized HTML rendered once when the body is saved, never per request. */
    private String bodyHtml = "";

    private String excerpt = "";

    private String heroImageUrl;

    private String heroImageAlt;

    private String heroImageCaption;

    /** For search results and shared links; null: the excerpt stands in. */
    private String metaDescription;

    /** The picture a shared link shows; null: the hero image stands in. */
    private String socialImageUrl;

    private String socialImageAlt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "primary_category_id")
    private Category primaryCategory;

    @ManyToMany
    @JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "article_authors", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "staff_id"))
    @OrderColumn(name = "position")
    private List<Author> authors = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private ArticleStatus status = ArticleStatus.DRAFT;

    private Instant publishedAt;

    private Instant updatedAt;

    @Column(updatable = false)
    private Instant createdAt;

    private boolean featured;

    private boolean commentsOpen = true;

    private int readingMinutes = 1;

    /** Maintained by the database as comments are approved or withdrawn; never written from here. */
    @Column(insertable = false, updatable = false)
    private int commentCount;

    @Version
    private long version;

    /** The member of staff who started the draft; authors may edit their own drafts. */
    private Long createdBy;

    /** Set while an author's draft waits for an editor's review. */
    private Instant reviewRequestedAt;

    /** Set when an editor sent the draft back to its author, until it is submitted again or goes out. */
    private Instant returnedAt;

    /** When set on a published article, the scheduled publisher takes it down at this moment. */
    private Instant unpublishAt;

    /** In the trash since then (null: not in the trash); it can be restored until it is deleted for good. */
    private Instant trashedAt;

    protected Article() {
    }

    public Article(String title, String slug, Category primaryCategory, Instant now) {
        this.title = Objects.requireNonNull(title);
        this.slug = Objects.requireNonNull(slug);
        this.primaryCategory = Objects.requireNonNull(primaryCategory);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void writeBody(String markdown, RenderedBody rendered) {
        this.bodyMarkdown = markdown;
        this.bodyHtml = rendered.html();
        this.readingMinutes = rendered.readingMinutes();
    }

    void describe(String title, String dek, String excerpt) {
        this.title = title;
        this.dek = dek == null ? "" : dek;
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** How a shared link to the article looks: description and image, each optional. */
    void describeForSharing(String description, String imageUrl, String imageAlt) {
        this.metaDescription = description == null || description.isBlank() ? null : description.strip();
        this.socialImageUrl = imageUrl == null || imageUrl.isBlank() ? null : imageUrl;
        this.socialImageAlt = this.socialImageUrl == null || imageAlt == null || imageAlt.isBlank() ? null
                : imageAlt.strip();
    }

    void illustrate(String url, String alt, String caption) {
        this.heroImageUrl = url;
        this.heroImageAlt = alt;
        this.heroImageCaption = caption;
    }

    /**
     * Files the article and sets its byline. A byline that changed is replaced as a whole (a new list): the
     * old rows are deleted before the new ones are written, so reordering two authors never collides on the
     * (article, author) key as updating the rows in place would.
     */
    void fileUnder(Category category, Set<Tag> tags, List<Author> byline) {
        this.primaryCategory = Objects.requireNonNull(category);
        this.tags.clear();
        this.tags.addAll(tags);
        if (!ids(this.authors).equals(ids(byline))) {
            this.authors = new ArrayList<>(byline);
        }
    }

    void setFeatured(boolean featured) {
        this.featured = featured;
    }

    void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    void startedBy(Long staffId) {
        this.createdBy = staffId;
    }

    // The article's life. Each transition checks it is allowed, sets the timestamps and the review flag the
    // same way whoever asks (editor, scheduler, fixtures, demo data), and registers an event for listeners.

    /** What listeners need to know about the article before a change: see {@link ArticleEvent}. */
    Snapshot snapshot() {
        return new Snapshot(slug, status, primaryCategory.getId(), tagIds(), ids(authors));
    }

    record Snapshot(String slug, ArticleStatus status, Long categoryId, Set<Long> tagIds, List<Long> authorIds) {
    }

    /** A new draft has been saved (its id exists now). */
    void created(Editor by, Instant now) {
        record(ArticleEvent.Kind.CREATED, snapshot(), by, now, "");
    }

    /** The editable content was saved over; {@code before} is how it was. */
    void edited(Snapshot before, Editor by, Instant now) {
        this.updatedAt = now;
        record(ArticleEvent.Kind.EDITED, before, by, now, "");
    }

    /** An author asks an editor to look at the draft. */
    void submitForReview(Editor by, Instant now) {
        if (status != ArticleStatus.DRAFT) {
            throw new RuleViolation("status", "admin.article.notADraft");
        }
        if (reviewRequestedAt != null) {
            // Already waiting: a second request would only repeat the first (and its audit entry).
            return;
        }
        Snapshot before = snapshot();
        this.reviewRequestedAt = now;
        this.returnedAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.SUBMITTED_FOR_REVIEW, before, by, now, "");
    }

    /**
     * An editor sends a draft in review back to its author, with a note saying what it needs. It stays a draft,
     * no longer in review, marked as returned until the author submits it again.
     */
    void returnToAuthor(String note, Editor by, Instant now) {
        if (status != ArticleStatus.DRAFT || reviewRequestedAt == null) {
            throw new RuleViolation("note", "admin.article.notInReview");
        }
        Snapshot before = snapshot();
        this.reviewRequestedAt = null;
        this.returnedAt = now;
        this.updatedAt = now;
        record(ArticleEvent.Kind.RETURNED_TO_AUTHOR, before, by, now, note);
    }

    /**
     * Makes the article public, dated {@code at}: now, or earlier for a story imported with its history.
     * Publishing what is already public changes nothing; returns whether it did.
     */
    boolean publish(Instant at, Editor by, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            return false;
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException("a publication in the future is a schedule, not a publication");
        }
        goPublic(at, by, now, "/articles/" + slug);
        return true;
    }

    /** The scheduler's half of {@link #schedule}: the time has come, the article goes public as planned. */
    void publishAsScheduled(Instant now) {
        if (status != ArticleStatus.SCHEDULED || publishedAt.isAfter(now)) {
            throw new IllegalStateException("article " + id + " is not due for publication");
        }
        goPublic(publishedAt, Editor.SYSTEM, now, "/articles/" + slug + " (scheduled)");
    }

    private void goPublic(Instant at, Editor by, Instant now, String detail) {
        Snapshot before = snapshot();
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = at;
        this.reviewRequestedAt = null;
        this.returnedAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.PUBLISHED, before, by, now, detail);
    }

    /** Queued for publication at {@code at}; the scheduled publisher makes it public then. */
    void schedule(Instant at, Editor by, Instant now) {
        if (at == null) {
            throw new RuleViolation("scheduleAt", "admin.article.scheduleRequired");
        }
        if (!at.isAfter(now)) {
            throw new RuleViolation("scheduleAt", "admin.article.scheduleInPast");
        }
        if (status == ArticleStatus.PUBLISHED) {
            throw new RuleViolation("scheduleAt", "admin.article.alreadyPublished");
        }
        Snapshot before = snapshot();
        this.status = ArticleStatus.SCHEDULED;
        this.publishedAt = at;
        this.reviewRequestedAt = null;
        this.returnedAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.SCHEDULED, before, by, now, at.toString());
    }

    /** Takes the article down at {@code at} (an embargo end); null clears a take-down already planned. */
    void scheduleTakeDown(Instant at, Editor by, Instant now) {
        if (at != null && !at.isAfter(now)) {
            throw new RuleViolation("unpublishAt", "admin.article.scheduleInPast");
        }
        Snapshot before = snapshot();
        this.unpublishAt = at;
        this.updatedAt = now;
        record(at == null ? ArticleEvent.Kind.TAKEDOWN_CLEARED : ArticleEvent.Kind.TAKEDOWN_SCHEDULED, before, by,
                now, at == null ? "" : at.toString());
    }

    /**
     * Back to a draft: invisible to readers, its publication date kept for the record. Only public or
     * scheduled articles can be unpublished; returns whether anything changed.
     */
    boolean unpublish(Editor by, Instant now) {
        if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.SCHEDULED) {
            return false;
        }
        goBackToDraft(by, now, "/articles/" + slug);
        return true;
    }

    /** The scheduler's half of {@link #scheduleTakeDown}: the embargo has ended. */
    void takeDownAsScheduled(Instant now) {
        if (status != ArticleStatus.PUBLISHED || unpublishAt == null || unpublishAt.isAfter(now)) {
            throw new IllegalStateException("article " + id + " is not due to be taken down");
        }
        goBackToDraft(Editor.SYSTEM, now, "/articles/" + slug + " (scheduled take-down)");
    }

    private void goBackToDraft(Editor by, Instant now, String detail) {
        Snapshot before = snapshot();
        this.status = ArticleStatus.DRAFT;
        this.unpublishAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.UNPUBLISHED, before, by, now, detail);
    }

    /** Out of circulation for good (it answers 404), but kept. */
    void archive(Editor by, Instant now) {
        Snapshot before = snapshot();
        this.status = ArticleStatus.ARCHIVED;
        this.reviewRequestedAt = null;
        this.unpublishAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.ARCHIVED, before, by, now, "/articles/" + slug);
    }

    /** A correction note was added: readers see the article as updated now. */
    void corrected(String note, Editor by, Instant now) {
        Snapshot before = snapshot();
        this.updatedAt = now;
        record(ArticleEvent.Kind.CORRECTED, before, by, now, note);
    }

    /**
     * A staged update has been written over the live text ({@code before} is how it was): only a published article
     * has a live text to replace. Readers see it as updated now.
     */
    void updatePublished(Snapshot before, Editor by, Instant now, String detail) {
        if (status != ArticleStatus.PUBLISHED) {
            throw RuleViolation.conflict("update", "update.notLive");
        }
        this.updatedAt = now;
        record(ArticleEvent.Kind.UPDATE_PUBLISHED, before, by, now, detail);
    }

    /** A new slug; the caller keeps the old one answering (with a redirect) if readers knew it. */
    void renameSlug(String newSlug, Editor by, Instant now) {
        Snapshot before = snapshot();
        this.slug = Objects.requireNonNull(newSlug);
        this.updatedAt = now;
        record(ArticleEvent.Kind.SLUG_CHANGED, before, by, now, newSlug);
    }

    /** Into the trash, to be restored or deleted for good later; only drafts and archived articles may go. */
    void moveToTrash(Editor by, Instant now) {
        if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) {
            throw RuleViolation.conflict("status", "admin.article.deletePublished");
        }
        if (trashedAt != null) {
            return;
        }
        Snapshot before = snapshot();
        this.trashedAt = now;
        this.reviewRequestedAt = null;
        record(ArticleEvent.Kind.TRASHED, before, by, now, "/articles/" + slug);
    }

    /** Out of the trash, as it was (a draft or archived). */
    void restoreFromTrash(Editor by, Instant now) {
        if (trashedAt == null) {
            return;
        }
        Snapshot before = snapshot();
        this.trashedAt = null;
        this.updatedAt = now;
        record(ArticleEvent.Kind.RESTORED_FROM_TRASH, before, by, now, "/articles/" + slug);
    }

    /** About to be deleted for good: only from the trash, so every deletion could first be undone. */
    void delete(Editor by, Instant now) {
        if (trashedAt == null) {
            throw RuleViolation.conflict("status", "editor.trash.onlyFromTrash");
        }
        record(ArticleEvent.Kind.DELETED, snapshot(), by, now, "/articles/" + slug);
    }

    private void record(ArticleEvent.Kind kind, Snapshot before, Editor by, Instant now, String detail) {
        registerEvent(new ArticleEvent(kind, id, title, slug, before.slug(),
                union(Collections.singleton(before.categoryId()), Collections.singleton(primaryCategory.getId())),
                union(before.tagIds(), tagIds()), union(before.authorIds(), ids(authors)), before.status(), status, by,
                now, detail));
    }

    /** Ids before and after a change, without the ones of things never saved. */
    private static Set<Long> union(Collection<Long> before, Collection<Long> after) {
        Set<Long> ids = new LinkedHashSet<>(before);
        ids.addAll(after);
        ids.remove(null);
        return Collections.unmodifiableSet(ids);
    }

    private Set<Long> tagIds() {
        Set<Long> ids = new LinkedHashSet<>();
        tags.forEach(tag -> ids.add(tag.getId()));
        return ids;
    }

    private static List<Long> ids(List<Author> authors) {
        return authors.stream().map(Author::getId).toList();
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getUnpublishAt() {
        return unpublishAt;
    }

    public Instant getTrashedAt() {
        return trashedAt;
    }

    public Instant getReviewRequestedAt() {
        return reviewRequestedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getDek() {
        return dek;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getHeroImageUrl() {
        return heroImageUrl;
    }

    public String getHeroImageAlt() {
        return heroImageAlt;
    }

    public String getHeroImageCaption() {
        return heroImageCaption;
    }

    public Category getPrimaryCategory() {
        return primaryCategory;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public List<Author> getAuthors() {
        return authors;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isFeatured() {
        return featured;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public int getReadingMinutes() {
        return readingMinutes;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public long getVersion() {
        return version;
    }

    public String getMetaDescription() {
        return metaDescription;
    }

    public String getSocialImageUrl() {
        return socialImageUrl;
    }

    public String getSocialImageAlt() {
        return socialImageAlt;
    }
}
