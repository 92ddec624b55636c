package com.newsroom.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import com.newsroom.account.AccountService.AccountProblem;
import com.newsroom.account.StaffUser;
import com.newsroom.account.StaffUserDetailsService;

/** Every member of staff edits their own byline profile and password. */
@Controller
@RequestMapping("/admin/profile")
class ProfileController {

    private final AccountService accounts;

    private final JdbcClient jdbc;

    private final StaffUserDetailsService users;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(AccountService accounts, JdbcClient jdbc, StaffUserDetailsService users) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.users = users;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("displayName")) {
            jdbc.sql("select display_name, bio, avatar_url from staff where id = :id").param("id", me.getStaffId())
                    .query(rs -> {
                        model.addAttribute("displayName", rs.getString("display_name"));
                        model.addAttribute("bio", rs.getString("bio"));
                        model.addAttribute("avatarUrl", rs.getString("avatar_url"));
                    });
        }
        return "admin/profile";
    }

    @PostMapping
    ModelAndView save(@AuthenticationPrincipal StaffUser me, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "") String avatarUrl, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (displayName.isBlank() || displayName.strip().length() > 120 || bio.length() > 2000
                || !(avatarUrl.isBlank() || avatarUrl.strip().matches("(https?://|/)\\S{1,500}"))) {
            model.addAttribute("displayName", displayName);
            model.addAttribute("bio", bio);
            model.addAttribute("avatarUrl", avatarUrl);
            model.addAttribute("profileError", "admin.profile.invalid");
            return status(profile(me, model));
        }
        accounts.updateProfile(me.getStaffId(), displayName, bio, avatarUrl);
        refreshSignedInName(me, request, response);
        redirect.addFlashAttribute("flash", "admin.profile.saved");
        return new ModelAndView("redirect:/admin/profile");
    }

    @PostMapping("/password")
    ModelAndView password(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        try {
            accounts.changeOwnPassword(me.getAccountId(), currentPassword, newPassword,
                    request.getSession().getId());
        }
        catch (AccountProblem problem) {
            model.addAttribute("passwordError", problem.messageKey());
            return status(profile(me, model));
        }
        redirect.addFlashAttribute("flash", "admin.profile.passwordChanged");
        return new ModelAndView("redirect:/admin/profile");
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

    private static ModelAndView status(String view) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return mav;
    }
}
