package com.newsroom.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
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

import com.newsroom.account.AccountService;
import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.web.FormSubmissions;

/** Staff management for administrators: create, change roles, disable, reset passwords. */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    record NewStaffForm(
            @NotBlank(message = "{admin.staff.nameRequired}") @Size(max = 120, message = "{admin.staff.nameRequired}") String displayName,
            @NotBlank(message = "{admin.staff.usernameInvalid}")
            @Pattern(regexp = "^$|^[a-z0-9][a-z0-9._-]{2,39}$", message = "{admin.staff.usernameInvalid}") String username,
            @NotBlank(message = "{admin.staff.emailInvalid}") @Email(message = "{admin.staff.emailInvalid}")
            @Size(max = 254, message = "{admin.staff.emailInvalid}") String email,
            @NotBlank(message = "{admin.password.tooShort}") @Size(min = 12, max = 200, message = "{admin.password.tooShort}") String password,
            List<Role> roles) {
    }

    private final AccountService accounts;

    StaffAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    static AuditLog.Actor actor(StaffUser me) {
        return new AuditLog.Actor(me.getStaffId(), me.getDisplayName());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("allRoles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewStaffForm("", "", "", "", List.of(Role.AUTHOR)));
        }
        return "admin/staff/list";
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal StaffUser me, @Valid @ModelAttribute("form") NewStaffForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return FormSubmissions.page(list(model), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return FormSubmissions.submit(errors, () -> {
            accounts.create(form.displayName(), form.username(), form.email(), form.password(), roles(form.roles()),
                    actor(me));
            redirect.addFlashAttribute("flash", "admin.staff.created");
            return "redirect:/admin/staff";
        }, () -> list(model));
    }

    @GetMapping("/{accountId}")
    String edit(@PathVariable long accountId, Model model) {
        model.addAttribute("member", accounts.staffMember(accountId));
        model.addAttribute("allRoles", Role.values());
        return "admin/staff/edit";
    }

    @PostMapping("/{accountId}/roles")
    ModelAndView roles(@AuthenticationPrincipal StaffUser me, @PathVariable long accountId,
            @RequestParam(required = false) List<Role> roles, Model model, RedirectAttributes redirect) {
        return act(accountId, model, redirect, "admin.staff.rolesSaved",
                () -> accounts.changeRoles(accountId, roles(roles), actor(me)));
    }

    @PostMapping("/{accountId}/enabled")
    ModelAndView enabled(@AuthenticationPrincipal StaffUser me, @PathVariable long accountId,
            @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
        return act(accountId, model, redirect, enabled ? "admin.staff.enabled" : "admin.staff.disabled",
                () -> accounts.setEnabled(accountId, enabled, actor(me)));
    }

    @PostMapping("/{accountId}/password")
    ModelAndView resetPassword(@AuthenticationPrincipal StaffUser me, @PathVariable long accountId,
            @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        return act(accountId, model, redirect, "admin.staff.passwordReset",
                () -> accounts.resetPassword(accountId, password, actor(me)));
    }

    private ModelAndView act(long accountId, Model model, RedirectAttributes redirect, String flash, Runnable action) {
        return FormSubmissions.submit(model, "problem", () -> {
            action.run();
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/staff/" + accountId;
        }, () -> edit(accountId, model));
    }

    private static Set<Role> roles(List<Role> roles) {
        // An empty or unknown value binds as null: it names no role.
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(java.util.Objects::nonNull).forEach(chosen::add);
        }
        return chosen;
    }
}
