package com.newsroom.category.web;

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
import com.newsroom.audit.AuditLog;
import com.newsroom.category.CategoryAdmin;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.RuleViolation;

/** Categories for editors: create, rename, describe, reorder, delete. */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminController {

    private final CategoryAdmin categories;

    CategoryAdminController(CategoryAdmin categories) {
        this.categories = categories;
    }

    private static AuditLog.Actor actor(StaffUser me) {
        return new AuditLog.Actor(me.getStaffId(), me.getDisplayName());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("categories", categories.list());
        return "admin/categories/list";
    }

    @PostMapping
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "createError", () -> {
            validate(name, description);
            categories.create(name, slug, description);
            redirect.addFlashAttribute("flash", "admin.category.created");
            return "redirect:/admin/categories";
        }, () -> {
            model.addAttribute("typed", new Typed(name, slug, description));
            return list(model);
        });
    }

    record Typed(String name, String slug, String description) {
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("category", categories.find(id));
        model.addAttribute("others", categories.list().stream().filter(c -> c.id() != id).toList());
        if (!model.containsAttribute("typed")) {
            var c = categories.find(id);
            model.addAttribute("typed", new Typed(c.name(), c.slug(), c.description()));
        }
        return "admin/categories/edit";
    }

    @PostMapping("/{id}")
    ModelAndView update(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "editError", () -> {
            validate(name, description);
            categories.update(id, name, slug, description, actor(me));
            redirect.addFlashAttribute("flash", "admin.category.saved");
            return "redirect:/admin/categories/" + id;
        }, () -> {
            model.addAttribute("typed", new Typed(name, slug, description));
            return edit(id, model);
        });
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam int direction) {
        categories.move(id, direction);
        return "redirect:/admin/categories";
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam(required = false) Long moveTo, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "deleteError", () -> {
            categories.delete(id, moveTo, actor(me));
            redirect.addFlashAttribute("flash", "admin.category.deleted");
            return "redirect:/admin/categories";
        }, () -> edit(id, model));
    }

    /** What the form can tell without the database: a name, and a description of sensible length. */
    private static void validate(String name, String description) {
        if (name.isBlank() || name.strip().length() > 80) {
            throw new RuleViolation("name", "admin.category.nameInvalid");
        }
        if (description.length() > 1000) {
            throw new RuleViolation("description", "admin.category.descriptionTooLong");
        }
    }
}
