package com.newsroom.article.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.article.ArticleAdminQueries;
import com.newsroom.article.ArticleEditLocks;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.ArticleQueries;
import com.newsroom.article.ArticleWorkflow;
import com.newsroom.article.ArticleStatus;
import com.newsroom.article.ArticleUpdates;
import com.newsroom.article.DraftAutosaves;
import com.newsroom.article.EditableArticle;
import com.newsroom.article.Editor;
import com.newsroom.web.RuleViolation;
import com.newsroom.article.LifecycleStep;
import com.newsroom.article.SharePreview;
import com.newsroom.article.StaleArticleException;
import com.newsroom.article.TextDiff;
import com.newsroom.config.NewsroomProperties;
import com.newsroom.media.MediaLibrary;
import com.newsroom.web.BadRequestException;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.KeptSubmission;

/** The article list, the editor form and the lifecycle actions under /admin/articles. */
@Controller
@RequestMapping("/admin/articles")
class ArticleAdminController {

    private final ArticleEditor editor;

    private final ArticleAdminQueries queries;

    private final ArticleQueries readerQueries;

    private final ZoneId zone;

    private final MediaLibrary media;

    private final DraftAutosaves autosaves;

    private final ArticleEditLocks locks;

    private final DataSize maxUpload;

    private final ArticleWorkflow workflow;

    private final ArticleUpdates updates;

    ArticleAdminController(ArticleEditor editor, ArticleAdminQueries queries, ArticleQueries readerQueries,
            NewsroomProperties properties, MediaLibrary media, DraftAutosaves autosaves, ArticleEditLocks locks,
            ArticleWorkflow workflow, ArticleUpdates updates,
            @Value("${spring.servlet.multipart.max-file-size:8MB}") DataSize maxUpload) {
        this.updates = updates;
        this.workflow = workflow;
        this.maxUpload = maxUpload;
        this.media = media;
        this.autosaves = autosaves;
        this.locks = locks;
        this.editor = editor;
        this.queries = queries;
        this.readerQueries = readerQueries;
        this.zone = properties.site().timeZone();
    }

    static Editor editorOf(StaffUser me) {
        return new Editor(me.getStaffId(), me.getDisplayName(), me.has(Role.EDITOR));
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long category, @RequestParam(required = false) Long author,
            @RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
        Long own = me.has(Role.EDITOR) ? null : me.getStaffId();
        model.addAttribute("page", queries.list(new ArticleAdminQueries.Filter(status, category, author, q, own), after));
        model.addAttribute("counts", queries.counts(own));
        model.addAttribute("categories", editor.categoryChoices());
        model.addAttribute("authors", editor.authorChoices());
        model.addAttribute("filter", new ArticleAdminQueries.Filter(status, category, author, q, own));
        model.addAttribute("editsAll", me.has(Role.EDITOR));
        return "admin/articles/list";
    }

    @GetMapping("/new")
    String newArticle(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String restore,
            HttpServletRequest request, Model model) {
        Long firstCategory = editor.categoryChoices().keySet().stream().findFirst().orElse(null);
        ArticleForm form = kept(request, "/admin/articles/new", model)
                .orElseGet(() -> ArticleForm.blank(firstCategory, me.getStaffId()));
        return form(model, withAutosave(null, form, restore != null, me, model), null, me);
    }

    /**
     * Offers the text {@code me} typed but never saved in this form (a crash, a closed tab, an ended session),
     * when it differs from what the form shows; {@code restore} puts it in the form instead, to be saved.
     */
    private ArticleForm withAutosave(Long id, ArticleForm shown, boolean restore, StaffUser me, Model model) {
        Optional<DraftAutosaves.Autosave> autosave = autosaves.newerThanSaved(id, editorOf(me));
        if (autosave.isEmpty()) {
            return shown;
        }
        ArticleForm unsaved = ArticleForm.from(autosave.get().fields());
        if (restore) {
            model.addAttribute("restoredAutosave", autosave.get());
            return unsaved;
        }
        if (!unsaved.sameTextAs(shown)) {
            model.addAttribute("autosave", autosave.get());
        }
        return shown;
    }

    /** The form sent to {@code path} when the session had ended, offered back once (see KeptSubmission). */
    private static Optional<ArticleForm> kept(HttpServletRequest request, String path, Model model) {
        Optional<ArticleForm> kept = KeptSubmission.take(request, path).map(submission -> ArticleForm.from(submission.fields()));
        model.addAttribute("keptSubmission", kept.isPresent());
        return kept;
    }

    @PostMapping("/new")
    ModelAndView create(@AuthenticationPrincipal StaffUser me, @Valid @ModelAttribute("form") ArticleForm form,
            BindingResult errors, @RequestParam(defaultValue = "save") String action, Model model,
            RedirectAttributes redirect) {
        if ("preview".equals(action)) {
            model.addAttribute("previewHtml", editor.renderPreview(form.bodyMarkdown()));
            return page(form(model, form, null, me), errors.hasErrors() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        }
        if (errors.hasErrors()) {
            return page(form(model, form, null, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return FormSubmissions.submit(errors, () -> {
            LifecycleStep then = step(action, form);
            long id = editor.create(input(form), then, editorOf(me));
            autosaves.discard(null, editorOf(me));
            redirect.addFlashAttribute("flash", flashFor(then));
            return "redirect:/admin/articles/" + id + "/edit";
        }, () -> form(model, form, null, me));
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String restore, HttpServletRequest request, Model model) {
        EditableArticle article = editor.load(id, editorOf(me));
        locks.open(id, editorOf(me)).ifPresent(holder -> model.addAttribute("lockedBy", holder));
        Optional<ArticleForm> kept = kept(request, "/admin/articles/" + id + "/edit", model);
        // A published article with a staged update opens on the update's text: that is what the next save changes.
        EditableArticle shown = updates.find(id, editorOf(me))
                .filter(pending -> article.status() == ArticleStatus.PUBLISHED)
                .map(pending -> pending.over(article)).orElse(article);
        ArticleForm form = kept.orElseGet(() -> withAutosave(id, ArticleForm.of(shown, zone), restore != null, me,
                model));
        return form(model, form, article, me);
    }

    @PostMapping("/{id}/edit")
    ModelAndView update(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) String saveAs,
            @RequestParam(required = false) String pendingVersion, Model model, RedirectAttributes redirect) {
        EditableArticle current = editor.load(id, editorOf(me));
        // The version of the staged update the form was loaded from, kept as sent if the form comes back.
        model.addAttribute("pendingVersion", pendingVersion == null ? "" : pendingVersion);
        if ("preview".equals(action)) {
            model.addAttribute("previewHtml", editor.renderPreview(form.bodyMarkdown()));
            return page(form(model, form, current, me), errors.hasErrors() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        }
        if (errors.hasErrors()) {
            return page(form(model, form, current, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (form.loadedVersion() == null) {
            throw new BadRequestException("missing version");
        }
        if ("pending".equals(saveAs) && "save".equals(action)) {
            return stage(me, id, form, errors, pendingVersion, current, model, redirect);
        }
        try {
            return FormSubmissions.submit(errors, () -> {
                LifecycleStep then = step(action, form);
                editor.update(id, form.loadedVersion(), input(form), then, editorOf(me));
                autosaves.discard(id, editorOf(me));
                redirect.addFlashAttribute("flash", flashFor(then));
                return "redirect:/admin/articles/" + id + "/edit";
            }, () -> form(model, form, current, me));
        }
        catch (StaleArticleException | ObjectOptimisticLockingFailureException stale) {
            return page(conflict(id, form, me, model), HttpStatus.CONFLICT);
        }
    }

    /**
     * "Save as pending update": the form is kept as the published article's staged update, readers keep the
     * published text. A save over someone's newer save of the update (or of the live text) is refused as an
     * article's is.
     */
    private ModelAndView stage(StaffUser me, long id, ArticleForm form, BindingResult errors, String pendingVersion,
            EditableArticle current, Model model, RedirectAttributes redirect) {
        Long expectedUpdate = pendingVersion == null || !pendingVersion.matches("\\d{1,18}") ? null
                : Long.valueOf(pendingVersion);
        try {
            return FormSubmissions.submit(errors, () -> {
                updates.save(id, expectedUpdate, form.loadedVersion(), input(form), editorOf(me));
                autosaves.discard(id, editorOf(me));
                redirect.addFlashAttribute("flash", "update.saved");
                return "redirect:/admin/articles/" + id + "/edit";
            }, () -> form(model, form, current, me));
        }
        catch (StaleArticleException | ObjectOptimisticLockingFailureException stale) {
            return page(conflict(id, form, me, model), HttpStatus.CONFLICT);
        }
    }

    /**
     * Someone saved the article after this editor opened it. Neither text is lost: theirs is saved (and kept in
     * the revisions), this editor's stays in the form, and the page sets them side by side, word by word. The
     * form now carries the latest version, so saving again is a deliberate choice to put this text over theirs.
     */
    private String conflict(long id, ArticleForm mine, StaffUser me, Model model) {
        EditableArticle live = editor.load(id, editorOf(me));
        Optional<ArticleUpdates.Pending> pending = updates.find(id, editorOf(me));
        // Theirs is the staged update when there is one: saving again puts this text over it.
        EditableArticle theirs = pending.map(p -> p.over(live)).orElse(live);
        model.addAttribute("pendingVersion", pending.map(p -> String.valueOf(p.version())).orElse(""));
        model.addAttribute("stale", true);
        model.addAttribute("theirs", theirs);
        model.addAttribute("theirSave", editor.latestRevision(id, editorOf(me)).orElse(null));
        model.addAttribute("titleDiff", TextDiff.words(theirs.content().title(), mine.title()));
        model.addAttribute("bodyDiff", TextDiff.words(theirs.content().bodyMarkdown(), mine.bodyMarkdown()));
        return form(model, mine.withVersion(theirs.version()), theirs, me);
    }

    /**
     * The button pressed: save only, or save and move the article along. Saved with the text in one
     * transaction, so a refused step (no date, a date in the past) leaves nothing saved, as the page says.
     */
    private LifecycleStep step(String action, ArticleForm form) {
        return switch (action) {
            case "submit" -> LifecycleStep.submit();
            case "publish" -> LifecycleStep.publish();
            case "schedule" -> LifecycleStep.schedule(parseSchedule(form.scheduleAt()));
            default -> LifecycleStep.SAVE_ONLY;
        };
    }

    private static String flashFor(LifecycleStep step) {
        return switch (step.kind()) {
            case SUBMIT -> "admin.article.submitted";
            case PUBLISH -> "admin.article.published";
            case SCHEDULE -> "admin.article.scheduled";
            case SAVE -> "admin.article.saved";
        };
    }

    /** The typed local time in the site's zone; an empty field is null (the article refuses to schedule it). */
    private Instant parseSchedule(String value) {
        return parseLocal(value, zone, "scheduleAt");
    }

    /** A datetime-local field's value in {@code zone}; empty is null, anything else unreadable a refusal of it. */
    static Instant parseLocal(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new RuleViolation(field, "admin.article.scheduleInvalid");
        }
    }

    /** Takes the edit lock from whoever holds it (they are told when they next type or open the article). */
    @PostMapping("/{id}/lock")
    String takeOver(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.load(id, editorOf(me));
        locks.takeOver(id, editorOf(me));
        redirect.addFlashAttribute("flash", "editor.lock.takenOver");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.submitForReview(id, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.submitted");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.publishNow(id, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.published");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    @PostMapping("/{id}/schedule")
    ModelAndView schedule(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String scheduleAt, Model model, RedirectAttributes redirect) {
        return besideEditor(me, id, model, redirect, "schedule", scheduleAt, "admin.article.scheduled",
                () -> editor.schedule(id, parseSchedule(scheduleAt), editorOf(me)));
    }

    @PostMapping("/{id}/takedown")
    ModelAndView takedown(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String unpublishAt, Model model, RedirectAttributes redirect) {
        return besideEditor(me, id, model, redirect, "takedown", unpublishAt, "admin.article.takedownSaved",
                () -> editor.scheduleUnpublish(id, unpublishAt == null || unpublishAt.isBlank() ? null
                        : parseSchedule(unpublishAt), editorOf(me)));
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.unpublish(id, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.unpublished");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    @PostMapping("/{id}/archive")
    String archive(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.archive(id, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.archived");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    @PostMapping("/{id}/corrections")
    ModelAndView correct(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return besideEditor(me, id, model, redirect, "correction", note, "admin.article.corrected",
                () -> editor.addCorrection(id, note, editorOf(me)));
    }

    /** "Delete" moves the article to the trash, from which it can be restored (or deleted for good). */
    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "lifecycleError", () -> {
            editor.moveToTrash(id, editorOf(me));
            redirect.addFlashAttribute("flash", "editor.trash.moved");
            return "redirect:/admin/articles";
        }, () -> formAgain(model, id, me));
    }

    @GetMapping("/trash")
    String trash(Model model) {
        model.addAttribute("rows", queries.trash(TRASH_PAGE));
        return "admin/articles/trash";
    }

    private static final int TRASH_PAGE = 200;

    @PostMapping("/{id}/untrash")
    String untrash(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.restoreFromTrash(id, editorOf(me));
        redirect.addFlashAttribute("flash", "editor.trash.restored");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    /** Deleting for good asks first, on a page of its own (no script needed), naming the article. */
    @GetMapping("/{id}/purge")
    String confirmPurge(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        model.addAttribute("article", editor.load(id, editorOf(me)));
        return "admin/articles/purge";
    }

    @PostMapping("/{id}/purge")
    ModelAndView purge(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "purgeError", () -> {
            editor.delete(id, editorOf(me));
            redirect.addFlashAttribute("flash", "admin.article.deleted");
            return "redirect:/admin/articles/trash";
        }, () -> {
            model.addAttribute("article", editor.load(id, editorOf(me)));
            return "admin/articles/purge";
        });
    }

    /** The article exactly as readers will see it, whatever its status; staff only (under /admin). */
    @GetMapping("/{id}/preview")
    String preview(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        // The page says it is a preview, and of what: a draft has no publication date to show yet.
        model.addAttribute("preview", editor.load(id, editorOf(me)));
        model.addAttribute("article", readerQueries.preview(id));
        model.addAttribute("comments", List.of());
        // A preview is read, not commented on: the comment form stays out of it.
        model.addAttribute("commentsOpen", false);
        return "article/show";
    }

    @GetMapping("/{id}/revisions")
    String revisions(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        model.addAttribute("article", editor.load(id, editorOf(me)));
        var revisions = editor.revisions(id, editorOf(me));
        model.addAttribute("revisions", revisions);
        model.addAttribute("history", ArticleHistory.of(revisions, workflow.review(id, editorOf(me)).notes()));
        return "admin/articles/revisions";
    }

    @GetMapping("/{id}/revisions/{revisionId}")
    String revision(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long revisionId,
            Model model) {
        model.addAttribute("article", editor.load(id, editorOf(me)));
        model.addAttribute("revision", editor.revision(id, revisionId, editorOf(me)));
        return "admin/articles/revision";
    }

    @GetMapping("/{id}/compare")
    String compare(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @RequestParam long from,
            @RequestParam long to, Model model) {
        var older = editor.revision(id, from, editorOf(me));
        var newer = editor.revision(id, to, editorOf(me));
        model.addAttribute("article", editor.load(id, editorOf(me)));
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("titleDiff", TextDiff.words(older.title(), newer.title()));
        model.addAttribute("dekDiff", TextDiff.words(older.dek(), newer.dek()));
        model.addAttribute("bodyDiff", TextDiff.words(older.bodyMarkdown(), newer.bodyMarkdown()));
        // The meta description only where either revision has one (most articles leave it to the excerpt).
        String olderMeta = Objects.toString(older.metaDescription(), "");
        String newerMeta = Objects.toString(newer.metaDescription(), "");
        model.addAttribute("metaDiff", olderMeta.isEmpty() && newerMeta.isEmpty() ? null
                : TextDiff.words(olderMeta, newerMeta));
        return "admin/articles/compare";
    }

    @PostMapping("/{id}/revisions/{revisionId}/restore")
    String restore(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long revisionId,
            RedirectAttributes redirect) {
        editor.restore(id, revisionId, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.restored");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    /**
     * The form's content; a picture picked from the media library becomes the hero image or the social image (with
     * its alt text, unless one was typed).
     */
    private ArticleInput input(ArticleForm form) {
        ArticleInput input = form.toInput();
        Optional<MediaLibrary.Item> hero = picked(form.heroMediaId());
        if (hero.isPresent()) {
            input = input.withHero(hero.get().url("large"), typedOr(input.heroImageAlt(), hero.get()));
        }
        if ("hero".equals(form.socialMediaId())) {
            return input.withSocialImage(null, null);
        }
        Optional<MediaLibrary.Item> social = picked(form.socialMediaId());
        return social.isPresent() ? input.withSocialImage(social.get().url("large"), social.get().altText()) : input;
    }

    private Optional<MediaLibrary.Item> picked(String id) {
        return id == null || !id.matches("\\d{1,18}") ? Optional.empty() : media.find(Long.parseLong(id));
    }

    private static String typedOr(String typed, MediaLibrary.Item item) {
        return typed == null || typed.isBlank() ? item.altText() : typed;
    }

    /**
     * One of the small forms beside the editor (schedule, take-down, correction): done and back to the editor, or
     * the editor again with the refusal beside that form ({@code <form>Error}) and what was typed in it kept
     * ({@code <form>Typed}).
     */
    private ModelAndView besideEditor(StaffUser me, long id, Model model, RedirectAttributes redirect, String form,
            String typed, String flash, Runnable action) {
        return FormSubmissions.submit(model, form + "Error", () -> {
            action.run();
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/articles/" + id + "/edit";
        }, () -> {
            model.addAttribute(form + "Typed", typed);
            return formAgain(model, id, me);
        });
    }

    /** The editor as stored, for a refused action beside the form (schedule, take-down, correction, delete). */
    private String formAgain(Model model, long id, StaffUser me) {
        EditableArticle current = editor.load(id, editorOf(me));
        return form(model, ArticleForm.of(current, zone), current, me);
    }

    private String form(Model model, ArticleForm form, EditableArticle article, StaffUser me) {
        model.addAttribute("zone", zone);
        model.addAttribute("mediaChoices", me.has(Role.EDITOR) ? media.recent(null, 12) : List.of());
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("categories", editor.categoryChoices());
        model.addAttribute("authors", editor.authorChoices());
        model.addAttribute("bylineSlots", form.bylineSlots());
        model.addAttribute("canPublish", me.has(Role.EDITOR));
        model.addAttribute("live", editor.livePreview(form.bodyMarkdown()));
        model.addAttribute("maxUploadBytes", maxUpload.toBytes());
        model.addAttribute("share", SharePreview.of(form.title(), form.dek(), form.bodyMarkdown(), form.excerpt(),
                form.metaDescription(), form.socialImageUrl(), form.socialImageAlt(), form.heroImageUrl(),
                form.heroImageAlt()));
        staging(model, article, me);
        return "admin/articles/edit";
    }

    /**
     * What the editor shows about staged updates: the article's pending update, the version of it the form holds,
     * and whether the save offers "Save as pending update" (a published article) and "Update live now" (editors,
     * while no update is staged).
     */
    private void staging(Model model, EditableArticle article, StaffUser me) {
        boolean live = article != null && article.status() == ArticleStatus.PUBLISHED
                && article.trashedAt() == null;
        Optional<ArticleUpdates.Pending> pending = article == null ? Optional.empty()
                : updates.find(article.id(), editorOf(me));
        model.addAttribute("pending", pending.orElse(null));
        if (!model.containsAttribute("pendingVersion")) {
            model.addAttribute("pendingVersion", pending.map(p -> String.valueOf(p.version())).orElse(""));
        }
        model.addAttribute("staging", live);
        model.addAttribute("liveSaveAllowed", live && me.has(Role.EDITOR) && pending.isEmpty());
    }

    private static ModelAndView page(String view, HttpStatus status) {
        return FormSubmissions.page(view, status);
    }
}
