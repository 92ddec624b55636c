package com.newsroom.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.tag.Tags;
import com.newsroom.web.ForbiddenException;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.Slugs;

/**
 * The one way articles are written: drafts, review, publication, scheduling, revisions and corrections, for
 * the editor form, the demo data and test fixtures alike. Each public method is one transaction; the article
 * decides which transitions are allowed and records what happened ({@link ArticleEvent}), and saving it hands
 * those events to the listeners (audit trail, caches) inside the same transaction. Authors may only work on
 * their own drafts; publishing and its reversal need an editor.
 */
@Service
@Transactional
public class ArticleEditor {

    private final Articles articles;

    private final ArticleSlugRedirects redirects;

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final MarkdownRenderer markdown;

    private final ArticleRevisions revisions;

    private final ArticleCorrections corrections;

    private final Clock clock;

    ArticleEditor(Articles articles, ArticleSlugRedirects redirects, Categories categories, Tags tags,
            Authors authors, MarkdownRenderer markdown, ArticleRevisions revisions, ArticleCorrections corrections,
            Clock clock) {
        this.articles = articles;
        this.redirects = redirects;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.markdown = markdown;
        this.revisions = revisions;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** Sanitized HTML for the editor's preview, exactly as it would be stored. */
    @Transactional(readOnly = true)
    public String renderPreview(String body) {
        return markdown.render(body).html();
    }

    /** The body as the live preview beside the editor shows it: the stored HTML, its words and reading time. */
    @Transactional(readOnly = true)
    public LivePreview livePreview(String body) {
        return new LivePreview(markdown.render(body).html(), count(body));
    }

    /** Words in the body and the reading time readers will be shown. */
    public WordCount count(String body) {
        long words = MarkdownRenderer.words(body);
        return new WordCount(words, MarkdownRenderer.minutesFor(words));
    }

    public record WordCount(long words, int minutes) {
    }

    public record LivePreview(String html, WordCount count) {
    }

    @Transactional(readOnly = true)
    public EditableArticle load(long id, Editor editor) {
        Article article = find(id);
        requireStagingAccess(article, editor);
        return EditableArticle.of(article, corrections.forArticle(id));
    }

    /** A new draft from the editor form. */
    public long create(ArticleInput input, Editor editor) {
        return create(input, LifecycleStep.SAVE_ONLY, editor);
    }

    /** A new draft from the editor form, moved along by {@code then} in the same transaction. */
    public long create(ArticleInput input, LifecycleStep then, Editor editor) {
        if (then.needsEditor()) {
            requireEditor(editor);
        }
        String slug = slugFor(input);
        Article article = createDraft(resolve(input, slug, bylineFor(input, editor)), editor);
        article.startedBy(editor.staffIdOrNull());
        moveAlong(article, then, editor);
        articles.saveAndFlush(article);
        return article.getId();
    }

    /**
     * A new draft from resolved content (tag and author ids): what demo data and test fixtures build with. The
     * same path as the form's: a revision is kept and the creation is announced.
     */
    public Article createDraft(ArticleContent content, Editor editor) {
        if (articles.existsBySlug(content.slug())) {
            throw new RuleViolation("slug", "admin.article.slugTaken");
        }
        Article article = new Article(content.title(), content.slug(), category(content.categoryId()),
                clock.instant());
        apply(article, content);
        articles.saveAndFlush(article);
        article.created(editor, clock.instant());
        revisions.record(article, editor, clock.instant());
        return articles.save(article);
    }

    /** Saves the form over the article, refusing if someone saved since {@code expectedVersion} was loaded. */
    public void update(long id, long expectedVersion, ArticleInput input, Editor editor) {
        update(id, expectedVersion, input, LifecycleStep.SAVE_ONLY, editor);
    }

    /** Saves the form over the article and moves it along by {@code then}: both or neither. */
    public void update(long id, long expectedVersion, ArticleInput input, LifecycleStep then, Editor editor) {
        Article article = findOutsideTrash(id);
        requireAccess(article, editor);
        if (then.needsEditor()) {
            requireEditor(editor);
        }
        if (article.getVersion() != expectedVersion) {
            throw new StaleArticleException();
        }
        String slug = freeSlugFor(article, input);
        Article.Snapshot before = article.snapshot();
        apply(article, resolve(input, slug, bylineFor(input, editor)));
        article.edited(before, editor, clock.instant());
        articles.flush();
        rename(article, slug, editor);
        moveAlong(article, then, editor);
        revisions.record(article, editor, clock.instant());
        articles.saveAndFlush(article);
    }

    /**
     * A staged update ({@link ArticleUpdates}) goes live: its content is written over the published article's, the
     * article records the update (and its "Updated" time), and the new text is kept as a revision. The same steps
     * as an editor's save over a live article, in the caller's transaction.
     */
    void writeUpdate(Article article, ArticleInput input, Editor by, String detail) {
        String slug = freeSlugFor(article, input);
        Article.Snapshot before = article.snapshot();
        apply(article, resolve(input, slug, input.authorIds()));
        article.updatePublished(before, by, clock.instant(), detail);
        articles.flush();
        rename(article, slug, by);
        revisions.record(article, by, clock.instant());
        articles.saveAndFlush(article);
    }

    /** The slug the form asks for, refused when another article has it. */
    private String freeSlugFor(Article article, ArticleInput input) {
        String slug = slugFor(input);
        if (!slug.equals(article.getSlug())
                && articles.findBySlug(slug).filter(other -> !other.getId().equals(article.getId())).isPresent()) {
            throw new RuleViolation("slug", "admin.article.slugTaken");
        }
        return slug;
    }

    /** The byline as sent; an author saving is put on it when they left themselves off. */
    static List<Long> bylineFor(ArticleInput input, Editor editor) {
        List<Long> byline = new ArrayList<>(input.authorIds());
        if (!editor.isEditor() && !byline.contains(editor.staffId())) {
            byline.add(0, editor.staffId());
        }
        return byline;
    }

    public void submitForReview(long id, Editor editor) {
        Article article = findOutsideTrash(id);
        requireAccess(article, editor);
        article.submitForReview(editor, clock.instant());
        articles.save(article);
    }

    public void publishNow(long id, Editor editor) {
        publish(id, clock.instant(), editor);
    }

    /** Publishes now, or dated {@code at} in the past (a story imported with its history). */
    public Article publish(long id, Instant at, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        article.publish(at, editor, clock.instant());
        return articles.save(article);
    }

    public void schedule(long id, Instant at, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        article.schedule(at, editor, clock.instant());
        articles.save(article);
    }

    /** Schedules the article to be taken down at {@code at} (an embargo end); null clears it. */
    public void scheduleUnpublish(long id, Instant at, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        article.scheduleTakeDown(at, editor, clock.instant());
        articles.save(article);
    }

    public void unpublish(long id, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        article.unpublish(editor, clock.instant());
        articles.save(article);
    }

    public void archive(long id, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        article.archive(editor, clock.instant());
        articles.save(article);
    }

    /** Moves a draft or archived article to the trash (published ones are unpublished or archived first). */
    public void moveToTrash(long id, Editor editor) {
        requireEditor(editor);
        Article article = find(id);
        article.moveToTrash(editor, clock.instant());
        articles.save(article);
    }

    public void restoreFromTrash(long id, Editor editor) {
        requireEditor(editor);
        Article article = find(id);
        article.restoreFromTrash(editor, clock.instant());
        articles.save(article);
    }

    /** Deletes an article in the trash for good. */
    public void delete(long id, Editor editor) {
        requireEditor(editor);
        Article article = find(id);
        article.delete(editor, clock.instant());
        articles.delete(article);
    }

    /** Appends a dated note readers see on the article; the article's updated date moves to now. */
    public void addCorrection(long id, String note, Editor editor) {
        requireEditor(editor);
        Article article = findOutsideTrash(id);
        if (note == null || note.isBlank() || note.strip().length() > 2000) {
            throw new RuleViolation("note", "admin.article.correctionInvalid");
        }
        Instant now = clock.instant();
        corrections.add(id, note, editor, now);
        article.corrected(note.strip(), editor, now);
        articles.save(article);
    }

    /** Moves an article to a new slug; if readers knew the old one it keeps answering with a permanent redirect. */
    public Article changeSlug(long id, String newSlug, Editor editor) {
        Article article = find(id);
        requireAccess(article, editor);
        rename(article, newSlug, editor);
        return articles.save(article);
    }

    @Transactional(readOnly = true)
    public List<ArticleRevisions.Revision> revisions(long id, Editor editor) {
        requireStagingAccess(find(id), editor);
        return revisions.forArticle(id);
    }

    /** The last save of the article: who saved what, and when (shown when a save clashes with it). */
    @Transactional(readOnly = true)
    public Optional<ArticleRevisions.Revision> latestRevision(long id, Editor editor) {
        requireStagingAccess(find(id), editor);
        return revisions.forArticle(id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public ArticleRevisions.Revision revision(long id, long revisionId, Editor editor) {
        requireStagingAccess(find(id), editor);
        return revisions.find(id, revisionId).orElseThrow(NotFoundException::new);
    }

    /** Puts a revision's text back as the current text (as a new save, so nothing is lost). */
    public void restore(long id, long revisionId, Editor editor) {
        Article article = findOutsideTrash(id);
        requireAccess(article, editor);
        ArticleRevisions.Revision revision = revisions.find(id, revisionId).orElseThrow(NotFoundException::new);
        Article.Snapshot before = article.snapshot();
        article.describe(revision.title(), revision.dek(), revision.excerpt());
        article.writeBody(revision.bodyMarkdown(), markdown.render(revision.bodyMarkdown()));
        article.illustrate(revision.heroImageUrl(), revision.heroImageAlt(), revision.heroImageCaption());
        article.describeForSharing(revision.metaDescription(), revision.socialImageUrl(), revision.socialImageAlt());
        article.edited(before, editor, clock.instant());
        articles.saveAndFlush(article);
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
        authors.findAll(Sort.by("displayName")).forEach(a -> choices.put(a.getId(), a.getDisplayName()));
        return choices;
    }

    private void moveAlong(Article article, LifecycleStep then, Editor editor) {
        Instant now = clock.instant();
        switch (then.kind()) {
            case SUBMIT -> article.submitForReview(editor, now);
            case PUBLISH -> article.publish(now, editor, now);
            case SCHEDULE -> article.schedule(then.at(), editor, now);
            case SAVE -> {
            }
        }
    }

    /** A public article keeps answering at its old slug (301); a draft's old slug was never public. */
    private void rename(Article article, String newSlug, Editor editor) {
        String oldSlug = article.getSlug();
        if (oldSlug.equals(newSlug)) {
            return;
        }
        boolean readersKnewIt = article.getStatus() == ArticleStatus.PUBLISHED;
        // Taking back a slug the article once had: it is current again, not a redirect.
        redirects.deleteByOldSlug(newSlug);
        redirects.flush();
        article.renameSlug(newSlug, editor, clock.instant());
        articles.flush();
        if (readersKnewIt) {
            redirects.save(new ArticleSlugRedirect(oldSlug, article.getId(), clock.instant()));
        }
    }

    private void apply(Article article, ArticleContent content) {
        article.describe(content.title(), content.dek(), Excerpts.ownOrLead(content.excerpt(), content.bodyMarkdown()));
        article.writeBody(content.bodyMarkdown(), markdown.render(content.bodyMarkdown()));
        article.illustrate(content.heroImageUrl(), content.heroImageAlt(), content.heroImageCaption());
        article.describeForSharing(content.metaDescription(), content.socialImageUrl(), content.socialImageAlt());
        article.fileUnder(category(content.categoryId()), new LinkedHashSet<>(tags.findAllById(content.tagIds())),
                byline(content.authorIds()));
        article.setFeatured(content.featured());
        article.setCommentsOpen(content.commentsOpen());
    }

    /** The authors in the order given (the byline's order), unknown ids left out. */
    List<Author> byline(List<Long> ids) {
        List<Author> byline = new ArrayList<>(authors.findAllById(ids));
        byline.sort((a, b) -> Integer.compare(ids.indexOf(a.getId()), ids.indexOf(b.getId())));
        return byline;
    }

    private ArticleContent resolve(ArticleInput input, String slug, List<Long> byline) {
        category(input.categoryId());
        return new ArticleContent(input.title().strip(), slug, input.dek(), input.bodyMarkdown(), input.excerpt(),
                blankToNull(input.heroImageUrl()), blankToNull(input.heroImageAlt()),
                blankToNull(input.heroImageCaption()), input.categoryId(), tagIds(input.tagNames()), byline,
                input.featured(), input.commentsOpen(), blankToNull(input.metaDescription()),
                blankToNull(input.socialImageUrl()), blankToNull(input.socialImageAlt()));
    }

    private Article find(long id) {
        return articles.findById(id).orElseThrow(NotFoundException::new);
    }

    /** An article in the trash is only restored or deleted for good; the editor offers nothing else for it. */
    private Article findOutsideTrash(long id) {
        Article article = find(id);
        if (article.getTrashedAt() != null) {
            throw new ForbiddenException();
        }
        return article;
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
        if (!owns(article, editor) || article.getStatus() != ArticleStatus.DRAFT) {
            throw new AccessDeniedException("not your draft");
        }
    }

    /**
     * What {@link #requireAccess} allows, and for an author also their own published pieces: they open them in the
     * editor to stage an update (never to change the live text) and see their revisions.
     */
    static void requireStagingAccess(Article article, Editor editor) {
        if (editor.isEditor() || (article.getStatus() == ArticleStatus.PUBLISHED && owns(article, editor))) {
            return;
        }
        requireAccess(article, editor);
    }

    static boolean owns(Article article, Editor editor) {
        return (article.getCreatedBy() != null && article.getCreatedBy() == editor.staffId())
                || article.getAuthors().stream().anyMatch(a -> a.getId() == editor.staffId());
    }

    /** The category the form names; refused beside its field when there is none. */
    Category category(long id) {
        return categories.findById(id)
                .orElseThrow(() -> new RuleViolation("categoryId", "admin.article.categoryMissing"));
    }

    /** The slug the form asks for, or one made from the title; refused when it is not a valid slug. */
    static String slugFor(ArticleInput input) {
        String slug = input.slug() == null || input.slug().isBlank() ? Slugs.from(input.title(), 120)
                : input.slug().strip();
        if (!Slugs.isValid(slug)) {
            throw new RuleViolation("slug", "admin.article.slugInvalid");
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

}
