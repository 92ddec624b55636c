package com.newsroom.article.web;

import java.time.ZoneId;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleUpdates;
import com.newsroom.article.Editor;
import com.newsroom.config.NewsroomProperties;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.NotFoundException;

/**
 * A published article's staged update, beside its editor: where it stands, its preview, and what can be done with
 * it (submit for review, return to the author, publish now or at a set time with a correction note, discard).
 * Saving the update's text is the editor form's "Save as pending update" ({@link ArticleAdminController}).
 */
@Controller
@RequestMapping("/admin/articles/{id}/update")
class ArticleUpdateController {

    private final ArticleUpdates updates;

    private final ArticleEditor editor;

    private final ZoneId zone;

    ArticleUpdateController(ArticleUpdates updates, ArticleEditor editor, NewsroomProperties properties) {
        this.updates = updates;
        this.editor = editor;
        this.zone = properties.site().timeZone();
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        return show(me, id, model);
    }

    /** The article page as readers will get it once the update is published, under a "not published" banner. */
    @GetMapping("/preview")
    String preview(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        Editor by = ArticleAdminController.editorOf(me);
        model.addAttribute("preview", editor.load(id, by));
        model.addAttribute("pendingUpdatePreview", true);
        model.addAttribute("article", updates.preview(id, by));
        model.addAttribute("comments", List.of());
        model.addAttribute("commentsOpen", false);
        return "article/show";
    }

    @PostMapping("/submit")
    ModelAndView submit(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return act(me, id, model, redirect, "update.submitted", "/update",
                () -> updates.submitForReview(id, ArticleAdminController.editorOf(me)));
    }

    @PostMapping("/return")
    ModelAndView returnToAuthor(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        model.addAttribute("returnTyped", note);
        return act(me, id, model, redirect, "update.returned", "/update",
                () -> updates.returnToAuthor(id, note, ArticleAdminController.editorOf(me)));
    }

    @PostMapping("/publish")
    ModelAndView publish(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "false") boolean addCorrection,
            @RequestParam(required = false) String correction, Model model, RedirectAttributes redirect) {
        keepTyped(model, addCorrection, correction, null);
        return act(me, id, model, redirect, "update.published", "/edit", () -> updates.publishNow(id, version,
                correction(addCorrection, correction), ArticleAdminController.editorOf(me)));
    }

    @PostMapping("/schedule")
    ModelAndView schedule(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String publishAt,
            @RequestParam(defaultValue = "false") boolean addCorrection,
            @RequestParam(required = false) String correction, Model model, RedirectAttributes redirect) {
        keepTyped(model, addCorrection, correction, publishAt);
        return act(me, id, model, redirect, "update.scheduled", "/update", () -> updates.schedule(id, version,
                ArticleAdminController.parseLocal(publishAt, zone, "publishAt"), correction(addCorrection, correction),
                ArticleAdminController.editorOf(me)));
    }

    @PostMapping("/unschedule")
    ModelAndView unschedule(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return act(me, id, model, redirect, "update.unscheduled", "/update",
                () -> updates.cancelSchedule(id, ArticleAdminController.editorOf(me)));
    }

    /** Discarding asks first, on a page of its own (no script needed). */
    @GetMapping("/discard")
    String confirmDiscard(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        Editor by = ArticleAdminController.editorOf(me);
        model.addAttribute("article", editor.load(id, by));
        model.addAttribute("pending", updates.find(id, by).orElseThrow(NotFoundException::new));
        return "admin/articles/update-discard";
    }

    @PostMapping("/discard")
    ModelAndView discard(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return act(me, id, model, redirect, "update.discarded", "/edit",
                () -> updates.discard(id, ArticleAdminController.editorOf(me)));
    }

    /**
     * Done and on to the article's page {@code then} ("/update", or "/edit" once the update is gone), or this page
     * again with the refusal and what was typed kept.
     */
    private ModelAndView act(StaffUser me, long id, Model model, RedirectAttributes redirect, String flash,
            String then, Runnable action) {
        return FormSubmissions.submit(model, "updateError", () -> {
            action.run();
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/articles/" + id + then;
        }, () -> show(me, id, model));
    }

    private String show(StaffUser me, long id, Model model) {
        Editor by = ArticleAdminController.editorOf(me);
        model.addAttribute("article", editor.load(id, by));
        model.addAttribute("pending", updates.find(id, by).orElse(null));
        model.addAttribute("canPublish", me.has(Role.EDITOR));
        model.addAttribute("zone", zone);
        return "admin/articles/update";
    }

    private static void keepTyped(Model model, boolean addCorrection, String correction, String publishAt) {
        model.addAttribute("addCorrectionTyped", addCorrection);
        model.addAttribute("correctionTyped", correction);
        model.addAttribute("publishAtTyped", publishAt);
    }

    /** The correction note asked for, or null when "add a correction note" was not ticked. */
    private static String correction(boolean addCorrection, String text) {
        return addCorrection ? (text == null ? "" : text) : null;
    }
}
