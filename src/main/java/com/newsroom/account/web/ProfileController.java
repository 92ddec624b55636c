package com.newsroom.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.AccountService;
import com.newsroom.account.StaffUser;
import com.newsroom.account.StaffUserDetailsService;
import com.newsroom.author.StaffProfiles;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.RuleViolation;

/** Every member of staff edits their own byline profile and password. */
@Controller
@RequestMapping("/admin/profile")
class ProfileController {

    private final AccountService accounts;

    private final StaffProfiles profiles;

    private final StaffUserDetailsService users;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(AccountService accounts, StaffProfiles profiles, StaffUserDetailsService users) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.users = users;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("displayName")) {
            profiles.find(me.getStaffId()).ifPresent(profile -> {
                model.addAttribute("displayName", profile.displayName());
                model.addAttribute("bio", profile.bio());
                model.addAttribute("avatarUrl", profile.avatarUrl());
            });
        }
        return "admin/profile";
    }

    @PostMapping
    ModelAndView save(@AuthenticationPrincipal StaffUser me, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "") String avatarUrl, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        return FormSubmissions.submit(model, "profileError", () -> {
            if (displayName.isBlank() || displayName.strip().length() > 120 || bio.length() > 2000
                    || !(avatarUrl.isBlank() || avatarUrl.strip().matches("(https?://|/)\\S{1,500}"))) {
                throw new RuleViolation("admin.profile.invalid");
            }
            profiles.update(me.getStaffId(), displayName, bio, avatarUrl);
            refreshSignedInName(me, request, response);
            redirect.addFlashAttribute("flash", "admin.profile.saved");
            return "redirect:/admin/profile";
        }, () -> {
            model.addAttribute("displayName", displayName);
            model.addAttribute("bio", bio);
            model.addAttribute("avatarUrl", avatarUrl);
            return profile(me, model);
        });
    }

    @PostMapping("/password")
    ModelAndView password(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        return FormSubmissions.submit(model, "passwordError", () -> {
            accounts.changeOwnPassword(me.getAccountId(), currentPassword, newPassword,
                    request.getSession().getId());
            redirect.addFlashAttribute("flash", "admin.profile.passwordChanged");
            return "redirect:/admin/profile";
        }, () -> profile(me, model));
    }

    /** The header shows the signed-in name from the session: put the new one there straight away. */
    private void refreshSignedInName(StaffUser me, HttpServletRequest request, HttpServletResponse response) {
        StaffUser updated = users.loadUserByUsername(me.getUsername());
        updated.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
