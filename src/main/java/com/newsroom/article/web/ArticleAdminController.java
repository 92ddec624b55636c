package com.newsroom.article.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.ArticleQueries;
import com.newsroom.article.EditableArticle;
import com.newsroom.article.Editor;
import com.newsroom.web.RuleViolation;
import com.newsroom.article.LifecycleStep;
import com.newsroom.article.StaleArticleException;
import com.newsroom.article.TextDiff;
import com.newsroom.config.NewsroomProperties;
import com.newsroom.media.MediaLibrary;
import com.newsroom.web.BadRequestException;

/** The article list, the editor form and the lifecycle actions under /admin/articles. */
@Controller
@RequestMapping("/admin/articles")
class ArticleAdminController {

    private final ArticleEditor editor;

    private final ArticleAdminQueries queries;

    private final ArticleQueries readerQueries;

    private final ZoneId zone;

    private final MediaLibrary media;

    ArticleAdminController(ArticleEditor editor, ArticleAdminQueries queries, ArticleQueries readerQueries,
            NewsroomProperties properties, MediaLibrary media) {
        this.media = media;
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
    String newArticle(@AuthenticationPrincipal StaffUser me, Model model) {
        Long firstCategory = editor.categoryChoices().keySet().stream().findFirst().orElse(null);
        return form(model, ArticleForm.blank(firstCategory, me.getStaffId()), null, me);
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
        try {
            LifecycleStep then = step(action, form);
            long id = editor.create(input(form), then, editorOf(me));
            redirect.addFlashAttribute("flash", flashFor(then));
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit");
        }
        catch (RuleViolation problem) {
            errors.rejectValue(problem.field(), problem.messageKey());
            return page(form(model, form, null, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        EditableArticle article = editor.load(id, editorOf(me));
        return form(model, ArticleForm.of(article), article, me);
    }

    @PostMapping("/{id}/edit")
    ModelAndView update(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        EditableArticle current = editor.load(id, editorOf(me));
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
        try {
            LifecycleStep then = step(action, form);
            editor.update(id, form.loadedVersion(), input(form), then, editorOf(me));
            redirect.addFlashAttribute("flash", flashFor(then));
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit");
        }
        catch (StaleArticleException | ObjectOptimisticLockingFailureException stale) {
            model.addAttribute("stale", true);
            return page(form(model, form, current, me), HttpStatus.CONFLICT);
        }
        catch (RuleViolation problem) {
            errors.rejectValue(problem.field(), problem.messageKey());
            return page(form(model, form, current, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
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
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new RuleViolation("scheduleAt", "admin.article.scheduleInvalid");
        }
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
        try {
            editor.schedule(id, parseSchedule(scheduleAt), editorOf(me));
        }
        catch (RuleViolation problem) {
            EditableArticle current = editor.load(id, editorOf(me));
            ArticleForm form = ArticleForm.of(current);
            model.addAttribute("scheduleError", problem.messageKey());
            model.addAttribute("scheduleTyped", scheduleAt);
            return page(form(model, form, current, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("flash", "admin.article.scheduled");
        return new ModelAndView("redirect:/admin/articles/" + id + "/edit");
    }

    @PostMapping("/{id}/takedown")
    ModelAndView takedown(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String unpublishAt, Model model, RedirectAttributes redirect) {
        try {
            editor.scheduleUnpublish(id, unpublishAt == null || unpublishAt.isBlank() ? null
                    : parseSchedule(unpublishAt), editorOf(me));
        }
        catch (RuleViolation problem) {
            EditableArticle current = editor.load(id, editorOf(me));
            model.addAttribute("takedownError", problem.messageKey());
            model.addAttribute("takedownTyped", unpublishAt);
            return page(form(model, ArticleForm.of(current), current, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("flash", "admin.article.takedownSaved");
        return new ModelAndView("redirect:/admin/articles/" + id + "/edit");
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
        try {
            editor.addCorrection(id, note, editorOf(me));
        }
        catch (RuleViolation problem) {
            EditableArticle current = editor.load(id, editorOf(me));
            model.addAttribute("correctionError", problem.messageKey());
            model.addAttribute("correctionTyped", note);
            return page(form(model, ArticleForm.of(current), current, me), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        redirect.addFlashAttribute("flash", "admin.article.corrected");
        return new ModelAndView("redirect:/admin/articles/" + id + "/edit");
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        try {
            editor.delete(id, editorOf(me));
        }
        catch (RuleViolation problem) {
            EditableArticle current = editor.load(id, editorOf(me));
            model.addAttribute("lifecycleError", problem.messageKey());
            return page(form(model, ArticleForm.of(current), current, me), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("flash", "admin.article.deleted");
        return new ModelAndView("redirect:/admin/articles");
    }

    /** The article exactly as readers will see it, whatever its status; staff only (under /admin). */
    @GetMapping("/{id}/preview")
    String preview(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        editor.load(id, editorOf(me));
        model.addAttribute("article", readerQueries.preview(id));
        model.addAttribute("comments", List.of());
        // A preview is read, not commented on: the comment form stays out of it.
        model.addAttribute("commentsOpen", false);
        return "article/show";
    }

    @GetMapping("/{id}/revisions")
    String revisions(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        model.addAttribute("article", editor.load(id, editorOf(me)));
        model.addAttribute("revisions", editor.revisions(id, editorOf(me)));
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
        model.addAttribute("titleDiff", TextDiff.lines(older.title(), newer.title()));
        model.addAttribute("dekDiff", TextDiff.lines(older.dek(), newer.dek()));
        model.addAttribute("bodyDiff", TextDiff.lines(older.bodyMarkdown(), newer.bodyMarkdown()));
        return "admin/articles/compare";
    }

    @PostMapping("/{id}/revisions/{revisionId}/restore")
    String restore(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long revisionId,
            RedirectAttributes redirect) {
        editor.restore(id, revisionId, editorOf(me));
        redirect.addFlashAttribute("flash", "admin.article.restored");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    /** The form's content; a picture picked from the media library becomes the hero image (with its alt text). */
    private ArticleInput input(ArticleForm form) {
        ArticleInput input = form.toInput();
        String picked = form.heroMediaId();
        if (picked == null || !picked.matches("\\d{1,18}")) {
            return input;
        }
        return media.find(Long.parseLong(picked)).map(item -> new ArticleInput(input.title(), input.slug(),
                input.dek(), input.bodyMarkdown(), input.excerpt(), item.url("large"),
                input.heroImageAlt() == null || input.heroImageAlt().isBlank() ? item.altText() : input.heroImageAlt(),
                input.heroImageCaption(), input.categoryId(), input.tagNames(), input.authorIds(), input.featured(),
                input.commentsOpen())).orElse(input);
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
        return "admin/articles/edit";
    }

    private static ModelAndView page(String view, HttpStatus status) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        return mav;
    }
}
