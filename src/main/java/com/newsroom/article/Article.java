package com.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
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

import org.hibernate.annotations.Formula;

import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;

@Entity
@Table(name = "articles")
public class Article {

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

    /** Moved by the database whenever an approved comment comes, changes or goes (V42); 0 before the first. */
    @Formula("coalesce((select v.version from comment_thread_versions v where v.article_id = id), 0)")
    private long commentsVersion;

    @Version
    private long version;

    /** The member of staff who started the draft; authors may edit their own drafts. */
    private Long createdBy;

    /** Set while an author's draft waits for an editor's review. */
    private Instant reviewRequestedAt;

    /** When set on a published article, the scheduled publisher takes it down at this moment. */
    private Instant unpublishAt;

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

    void illustrate(String url, String alt, String caption) {
        this.heroImageUrl = url;
        this.heroImageAlt = alt;
        this.heroImageCaption = caption;
    }

    void fileUnder(Category category, Set<Tag> tags, List<Author> authors) {
        this.primaryCategory = Objects.requireNonNull(category);
        this.tags.clear();
        this.tags.addAll(tags);
        this.authors.clear();
        this.authors.addAll(authors);
    }

    void setFeatured(boolean featured) {
        this.featured = featured;
    }

    void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    void renameSlug(String newSlug) {
        this.slug = newSlug;
    }

    void publish(Instant at) {
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = at;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Queued for publication at {@code at}; the scheduled publisher makes it public then. */
    void schedule(Instant at) {
        this.status = ArticleStatus.SCHEDULED;
        this.publishedAt = at;
        this.reviewRequestedAt = null;
    }

    /** Back to a draft: invisible to readers, its publication date kept for the record. */
    void unpublish() {
        this.status = ArticleStatus.DRAFT;
        this.unpublishAt = null;
    }

    void archive() {
        this.status = ArticleStatus.ARCHIVED;
        this.reviewRequestedAt = null;
    }

    void requestReview(Instant at) {
        this.reviewRequestedAt = at;
    }

    void clearReview() {
        this.reviewRequestedAt = null;
    }

    void startedBy(Long staffId) {
        this.createdBy = staffId;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    void unpublishAt(Instant at) {
        this.unpublishAt = at;
    }

    public Instant getUnpublishAt() {
        return unpublishAt;
    }

    public Instant getReviewRequestedAt() {
        return reviewRequestedAt;
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

    public long getCommentsVersion() {
        return commentsVersion;
    }

    public long getVersion() {
        return version;
    }
}
