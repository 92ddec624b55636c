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

import com.newsroom.account.StaffUser;
import com.newsroom.article.LiveCoverage;
import com.newsroom.web.FormSubmissions;

/**
 * An article's live desk, for editors: start and close the live page, post updates, edit, pin and delete them,
 * and see each update's history. A refused update comes back with its message and the text typed.
 */
@Controller
@RequestMapping("/admin/articles/{id}/live")
class LiveDeskController {

    private final LiveCoverage live;

    LiveDeskController(LiveCoverage live) {
        this.live = live;
    }

    @GetMapping
    String desk(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model) {
        return show(me, id, model);
    }

    @PostMapping("/start")
    String start(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        live.start(id, ArticleAdminController.editorOf(me));
        redirect.addFlashAttribute("flash", "admin.live.started");
        return "redirect:/admin/articles/" + id + "/live";
    }

    @PostMapping("/close")
    ModelAndView close(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "closeError", () -> {
            live.close(id, ArticleAdminController.editorOf(me));
            redirect.addFlashAttribute("flash", "admin.live.closed");
            return "redirect:/admin/articles/" + id + "/live";
        }, () -> show(me, id, model));
    }

    @PostMapping("/updates")
    ModelAndView post(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "postError", () -> {
            long update = live.post(id, body, ArticleAdminController.editorOf(me));
            redirect.addFlashAttribute("flash", "admin.live.posted");
            return "redirect:/admin/articles/" + id + "/live#update-" + update;
        }, () -> {
            model.addAttribute("body", body);
            return show(me, id, model);
        });
    }

    @PostMapping("/updates/{update}")
    ModelAndView edit(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long update,
            @RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "editError", () -> {
            live.edit(id, update, body, ArticleAdminController.editorOf(me));
            redirect.addFlashAttribute("flash", "admin.live.edited");
            return "redirect:/admin/articles/" + id + "/live#update-" + update;
        }, () -> {
            model.addAttribute("editId", update);
            model.addAttribute("editBody", body);
            return show(me, id, model);
        });
    }

    @PostMapping("/updates/{update}/pin")
    String pin(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long update,
            @RequestParam(defaultValue = "true") boolean pinned, RedirectAttributes redirect) {
        live.pin(id, update, pinned, ArticleAdminController.editorOf(me));
        redirect.addFlashAttribute("flash", pinned ? "admin.live.pinned" : "admin.live.unpinned");
        return "redirect:/admin/articles/" + id + "/live#update-" + update;
    }

    @PostMapping("/updates/{update}/delete")
    String delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id, @PathVariable long update,
            RedirectAttributes redirect) {
        live.delete(id, update, ArticleAdminController.editorOf(me));
        redirect.addFlashAttribute("flash", "admin.live.deleted");
        return "redirect:/admin/articles/" + id + "/live";
    }

    private String show(StaffUser me, long id, Model model) {
        model.addAttribute("desk", live.desk(id, ArticleAdminController.editorOf(me)));
        model.addAttribute("maxLength", LiveCoverage.MAX_UPDATE);
        if (!model.containsAttribute("body")) {
            model.addAttribute("body", "");
        }
        return "admin/articles/live";
    }
}
