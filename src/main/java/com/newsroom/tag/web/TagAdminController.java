package com.newsroom.tag.web;

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

import com.newsroom.web.BadRequestException;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.Slugs;
import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.tag.TagAdmin;

/** Tags for editors: list, rename, merge, delete. */
@Controller
@RequestMapping("/admin/tags")
class TagAdminController {

    private final TagAdmin tags;

    TagAdminController(TagAdmin tags) {
        this.tags = tags;
    }

    private static AuditLog.Actor actor(StaffUser me) {
        return new AuditLog.Actor(me.getStaffId(), me.getDisplayName());
    }

    @GetMapping
    String list(@RequestParam(required = false) String after, Model model) {
        // The position is a slug; anything else (a NUL byte, say) cannot name one.
        if (after != null && !after.isBlank() && !Slugs.isValid(after)) {
            throw new BadRequestException("Malformed page position");
        }
        model.addAttribute("page", tags.list(after));
        return "admin/tags/list";
    }

    /** One tag's row in the list (where the audit log links to): the page that starts with it. */
    @GetMapping("/{id}")
    String show(@PathVariable long id) {
        return tags.pageStartingWith(id).map(after -> "redirect:/admin/tags?after=" + after + "#tag-" + id)
                .orElse("redirect:/admin/tags#tag-" + id);
    }

    @PostMapping("/{id}/rename")
    ModelAndView rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        return act(model, redirect, "admin.tag.renamed", () -> tags.rename(id, name));
    }

    @PostMapping("/{id}/merge")
    ModelAndView merge(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) Long into, Model model, RedirectAttributes redirect) {
        return act(model, redirect, "admin.tag.merged", () -> {
            if (into == null) {
                throw new RuleViolation("admin.tag.mergeTarget");
            }
            tags.merge(id, into, actor(me));
        });
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        return act(model, redirect, "admin.tag.deleted", () -> tags.delete(id, actor(me)));
    }

    private ModelAndView act(Model model, RedirectAttributes redirect, String flash, Runnable action) {
        return FormSubmissions.submit(model, "tagError", () -> {
            action.run();
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/tags";
        }, () -> list(null, model));
    }
}
