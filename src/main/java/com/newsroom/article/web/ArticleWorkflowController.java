package com.newsroom.article.web;

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
import com.newsroom.article.ArticleWorkflow;
import com.newsroom.web.FormSubmissions;

/**
 * An article's review page, beside its editor: the notes kept with it, an editor's new note, and "return to author".
 * Its own small forms, so the editor form itself stays as it is.
 */
@Controller
@RequestMapping("/admin/articles/{id}/review")
class ArticleWorkflowController {

    private final ArticleWorkflow workflow;

    ArticleWorkflowController(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping
    String review(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        return show(me, id, model, "", "");
    }

    @PostMapping("/return")
    ModelAndView returnToAuthor(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "returnError", () -> {
            workflow.returnToAuthor(id, note, ArticleAdminController.editorOf(me));
            redirect.addFlashAttribute("flash", "admin.article.returned");
            return "redirect:/admin/articles/" + id + "/review";
        }, () -> show(me, id, model, note, ""));
    }

    @PostMapping("/notes")
    ModelAndView addNote(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "noteError", () -> {
            workflow.addNote(id, note, ArticleAdminController.editorOf(me));
            redirect.addFlashAttribute("flash", "admin.article.noteAdded");
            return "redirect:/admin/articles/" + id + "/review";
        }, () -> show(me, id, model, "", note));
    }

    /** The page, with whatever was typed into either form kept. */
    private String show(StaffUser me, long id, Model model, String returnNote, String note) {
        model.addAttribute("review", workflow.review(id, ArticleAdminController.editorOf(me)));
        model.addAttribute("isEditor", me.has(Role.EDITOR));
        model.addAttribute("returnNote", returnNote == null ? "" : returnNote);
        model.addAttribute("note", note == null ? "" : note);
        return "admin/articles/review";
    }
}
