package com.newsroom.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.tag.Tags;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Slugs;

/**
 * The editors' side of articles: drafts, review, publication, scheduling, revisions and corrections.
 * Authors may only work on their own drafts; publishing and its reversal need an editor.
 */
@Service
@Transactional
public class ArticleEditor {

    private final Articles articles;

    private final ArticleService articleService;

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final MarkdownRenderer markdown;

    private final ArticleRevisions revisions;

    private final ArticleCorrections corrections;

    private final AuditLog audit;

    private final Clock clock;

    ArticleEditor(Articles articles, ArticleService articleService, Categories categories, Tags tags, Authors authors,
            MarkdownRenderer markdown, ArticleRevisions revisions, ArticleCorrections corrections, AuditLog audit,
            Clock clock) {
        this.articles = articles;
        this.articleService = articleService;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.markdown = markdown;
        this.revisions = revisions;
        this.corrections = corrections;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sanitized HTML for the editor's preview, exactly as it would be stored. */
    @Transactional(readOnly = true)
    public String renderPreview(String body) {
        return markdown.render(body).html();
    }

    @Transactional(readOnly = true)
    public EditableArticle load(long id, Editor editor) {
        Article article = find(id);
        requireAccess(article, editor);
        return EditableArticle.of(article);
    }

    public long create(ArticleInput input, Editor editor) {
        String slug = slugFor(input);
        if (articles.existsBySlug(slug)) {
            throw new EditorialProblem("slug", "admin.article.slugTaken");
        }
        List<Long> byline = input.authorIds();
        if (!editor.isEditor() && !byline.contains(editor.staffId())) {
            byline = new ArrayList<>(byline);
            byline.add(0, editor.staffId());
        }
        Article article = articleService.createDraft(new ArticleContent(input.title().strip(), slug, input.dek(),
                input.bodyMarkdown(), input.excerpt(), blankToNull(input.heroImageUrl()),
                blankToNull(input.heroImageAlt()), blankToNull(input.heroImageCaption()),
                category(input.categoryId()).getId(), tagIds(input.tagNames()), byline, input.featured(),
                input.commentsOpen()));
        article.startedBy(editor.staffId());
        articles.flush();
        revisions.record(article, editor, clock.instant());
        return article.getId();
    }

    /** Saves the form over the article, refusing if someone saved since {@code expectedVersion} was loaded. */
    public void update(long id, long expectedVersion, ArticleInput input, Editor editor) {
        Article article = find(id);
        requireAccess(article, editor);
        if (article.getVersion() != expectedVersion) {
            throw new StaleArticleException();
        }
        String slug = slugFor(input);
        if (!slug.equals(article.getSlug())) {
            if (articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).isPresent()) {
                throw new EditorialProblem("slug", "admin.article.slugTaken");
            }
        }
        Category category = category(input.categoryId());
        List<Author> byline = new ArrayList<>(authors.findAllById(input.authorIds()));
        byline.sort((a, b) -> Integer.compare(input.authorIds().indexOf(a.getId()), input.authorIds().indexOf(b.getId())));
        if (!editor.isEditor() && byline.stream().noneMatch(a -> a.getId() == editor.staffId())) {
            authors.findById(editor.staffId()).ifPresent(self -> byline.add(0, self));
        }
        article.describe(input.title().strip(), input.dek(), excerptOrLead(input));
        article.writeBody(input.bodyMarkdown(), markdown.render(input.bodyMarkdown()));
        article.illustrate(blankToNull(input.heroImageUrl()), blankToNull(input.heroImageAlt()),
                blankToNull(input.heroImageCaption()));
        article.fileUnder(category, new LinkedHashSet<>(tags.findAllById(tagIds(input.tagNames()))), byline);
        article.setFeatured(input.featured());
        article.setCommentsOpen(input.commentsOpen());
        article.touch(clock.instant());
        articles.flush();
        if (!slug.equals(article.getSlug())) {
            if (article.getStatus() == ArticleStatus.PUBLISHED) {
                // The old URL keeps answering, with a permanent redirect.
                articleService.changeSlug(id, slug);
                audit.record(editor.actor(), "article.slugChanged", article.getTitle(), slug);
            }
            else {
                article.renameSlug(slug);
                articles.flush();
            }
        }
        revisions.record(article, editor, clock.instant());
    }

    public void submitForReview(long id, Editor editor) {
        Article article = find(id);
        requireAccess(article, editor);
        if (article.getStatus() != ArticleStatus.DRAFT) {
            throw new EditorialProblem("status", "admin.article.notADraft");
        }
        article.requestReview(clock.instant());
        article.touch(clock.instant());
    }

    @PreAuthorize("hasRole('EDITOR')")
    public void publishNow(long id, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            return;
        }
        Instant now = clock.instant();
        article.publish(now);
        article.clearReview();
        article.touch(now);
        audit.record(editor.actor(), "article.published", article.getTitle(), "/articles/" + article.getSlug());
    }

    @PreAuthorize("hasRole('EDITOR')")
    public void schedule(long id, Instant at, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        Instant now = clock.instant();
        if (at == null || !at.isAfter(now)) {
            throw new EditorialProblem("scheduleAt", "admin.article.scheduleInPast");
        }
        if (article.getStatus() == ArticleStatus.PUBLISHED) {
            throw new EditorialProblem("scheduleAt", "admin.article.alreadyPublished");
        }
        article.schedule(at);
        article.touch(now);
        audit.record(editor.actor(), "article.scheduled", article.getTitle(), at.toString());
    }

    /** Schedules the article to be taken down at {@code at} (an embargo end); null clears it. */
    @PreAuthorize("hasRole('EDITOR')")
    public void scheduleUnpublish(long id, Instant at, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        if (at != null && !at.isAfter(clock.instant())) {
            throw new EditorialProblem("unpublishAt", "admin.article.scheduleInPast");
        }
        article.unpublishAt(at);
        article.touch(clock.instant());
        audit.record(editor.actor(), at == null ? "article.takedownCleared" : "article.takedownScheduled",
                article.getTitle(), at == null ? "" : at.toString());
    }

    @PreAuthorize("hasRole('EDITOR')")
    public void unpublish(long id, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        if (article.getStatus() != ArticleStatus.PUBLISHED && article.getStatus() != ArticleStatus.SCHEDULED) {
            return;
        }
        article.unpublish();
        article.touch(clock.instant());
        audit.record(editor.actor(), "article.unpublished", article.getTitle(), "/articles/" + article.getSlug());
    }

    @PreAuthorize("hasRole('EDITOR')")
    public void archive(long id, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        article.archive();
        article.touch(clock.instant());
        audit.record(editor.actor(), "article.archived", article.getTitle(), "/articles/" + article.getSlug());
    }

    /** Deletes a draft or archived article for good (published ones are unpublished or archived first). */
    @PreAuthorize("hasRole('EDITOR')")
    public void delete(long id, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        if (article.getStatus() == ArticleStatus.PUBLISHED || article.getStatus() == ArticleStatus.SCHEDULED) {
            throw new EditorialProblem("status", "admin.article.deletePublished");
        }
        audit.record(editor.actor(), "article.deleted", article.getTitle(), "/articles/" + article.getSlug());
        articles.delete(article);
    }

    /** Appends a dated note readers see on the article; the article's updated date moves to now. */
    @PreAuthorize("hasRole('EDITOR')")
    public void addCorrection(long id, String note, Editor editor) {
        Article article = find(id);
        requireEditor(editor);
        if (note == null || note.isBlank() || note.strip().length() > 2000) {
            throw new EditorialProblem("note", "admin.article.correctionInvalid");
        }
        Instant now = clock.instant();
        corrections.add(id, note, editor, now);
        article.touch(now);
        audit.record(editor.actor(), "article.corrected", article.getTitle(), note.strip());
    }

    @Transactional(readOnly = true)
    public List<ArticleRevisions.Revision> revisions(long id, Editor editor) {
        requireAccess(find(id), editor);
        return revisions.forArticle(id);
    }

    @Transactional(readOnly = true)
    public ArticleRevisions.Revision revision(long id, long revisionId, Editor editor) {
        requireAccess(find(id), editor);
        return revisions.find(id, revisionId).orElseThrow(NotFoundException::new);
    }

    /** Puts a revision's text back as the current text (as a new save, so nothing is lost). */
    public void restore(long id, long revisionId, Editor editor) {
        Article article = find(id);
        requireAccess(article, editor);
        ArticleRevisions.Revision revision = revisions.find(id, revisionId).orElseThrow(NotFoundException::new);
        article.describe(revision.title(), revision.dek(), revision.excerpt());
        article.writeBody(revision.bodyMarkdown(), markdown.render(revision.bodyMarkdown()));
        article.illustrate(revision.heroImageUrl(), revision.heroImageAlt(), revision.heroImageCaption());
        article.touch(clock.instant());
        articles.flush();
        revisions.record(article, editor, clock.instant());
    }

    @Transactional(readOnly = true)
    public Map<Long, String> categoryChoices() {
        Map<Long, String> choices = new LinkedHashMap<>();
        categories.findAllByOrderByPositionAscNameAsc().forEach(c -> choices.put(c.getId(), c.getName()));
        return choices;
    }

    @Transactional(readOnly = true)
    public Map<Long, String> authorChoices() {
        Map<Long, String> choices = new LinkedHashMap<>();
        authors.findAll(org.springframework.data.domain.Sort.by("displayName"))
                .forEach(a -> choices.put(a.getId(), a.getDisplayName()));
        return choices;
    }

    private Article find(long id) {
        return articles.findById(id).orElseThrow(NotFoundException::new);
    }

    private static void requireEditor(Editor editor) {
        if (!editor.isEditor()) {
            throw new AccessDeniedException("editors only");
        }
    }

    /** Editors work on everything; authors on their own drafts only. */
    private static void requireAccess(Article article, Editor editor) {
        if (editor.isEditor()) {
            return;
        }
        boolean own = (article.getCreatedBy() != null && article.getCreatedBy() == editor.staffId())
                || article.getAuthors().stream().anyMatch(a -> a.getId() == editor.staffId());
        if (!own || article.getStatus() != ArticleStatus.DRAFT) {
            throw new AccessDeniedException("not your draft");
        }
    }

    private Category category(long id) {
        return categories.findById(id).orElseThrow(() -> new EditorialProblem("categoryId", "admin.article.categoryMissing"));
    }

    private static String slugFor(ArticleInput input) {
        String slug = input.slug() == null || input.slug().isBlank() ? Slugs.from(input.title(), 120)
                : input.slug().strip();
        if (!Slugs.isValid(slug)) {
            throw new EditorialProblem("slug", "admin.article.slugInvalid");
        }
        return slug;
    }

    /** Tags by name: existing ones matched by slug, new ones created on the fly. */
    private List<Long> tagIds(List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            String slug = Slugs.from(name);
            if (slug.isEmpty()) {
                continue;
            }
            Tag tag = tags.findBySlug(slug).orElseGet(() -> tags.save(new Tag(name, slug, null)));
            if (!ids.contains(tag.getId())) {
                ids.add(tag.getId());
            }
        }
        return ids;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String excerptOrLead(ArticleInput input) {
        if (input.excerpt() != null && !input.excerpt().isBlank()) {
            return input.excerpt().strip();
        }
        String lead = input.bodyMarkdown() == null ? "" : input.bodyMarkdown().strip().split("\\n\\s*\\n", 2)[0];
        lead = lead.replaceAll("[#>*_`\\[\\]]|\\(https?://[^)]*\\)", "").replaceAll("\\s+", " ").strip();
        if (lead.length() <= 280) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', 279);
        return lead.substring(0, cut > 0 ? cut : 279) + "…";
    }
}
