package com.newsroom.site.web;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.site.SiteSettingsAdmin;
import com.newsroom.site.SiteSettingsProvider;

/** Site settings for administrators: name, tagline, about text, social links and the comment policy. */
@Controller
@RequestMapping("/admin/settings")
class SiteSettingsController {

    record SettingsForm(
            @NotBlank(message = "{admin.settings.nameInvalid}") @Size(max = 80, message = "{admin.settings.nameInvalid}") String name,
            @Size(max = 200, message = "{admin.settings.taglineTooLong}") String tagline,
            @Size(max = 2000, message = "{admin.settings.aboutTooLong}") String about,
            @Size(max = 4000, message = "{admin.settings.socialInvalid}") String socialLinks,
            Boolean commentsEnabled, Boolean commentsPremoderated,
            @NotBlank(message = "{admin.settings.daysInvalid}")
            @Pattern(regexp = "^\\s*\\d{1,4}\\s*$", message = "{admin.settings.daysInvalid}") String commentsCloseAfterDays,
            @Size(max = 4000, message = "{admin.settings.policyTooLong}") String commentPolicy,
            Boolean commentsNewestFirst) {
    }

    private final SiteSettingsAdmin settings;

    SiteSettingsController(SiteSettingsAdmin settings) {
        this.settings = settings;
    }

    @GetMapping
    String form(Model model) {
        var v = settings.current();
        model.addAttribute("form", new SettingsForm(v.name(), v.tagline(), v.about(), v.socialLinks(),
                v.commentsEnabled(), v.commentsPremoderated(), String.valueOf(v.commentsCloseAfterDays()),
                v.commentPolicy(), v.commentsNewestFirst()));
        return "admin/settings";
    }

    @PostMapping
    ModelAndView save(@AuthenticationPrincipal StaffUser me, @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors, RedirectAttributes redirect) {
        // A value that cannot be bound at all (a checkbox sent as "maybe") leaves no form, only its errors.
        String social = form == null || form.socialLinks() == null ? "" : form.socialLinks();
        for (String line : social.split("\\R")) {
            if (!line.isBlank() && SiteSettingsProvider.parseSocial(line).isEmpty()) {
                errors.rejectValue("socialLinks", "admin.settings.socialInvalid");
                break;
            }
        }
        if (form != null && !errors.hasFieldErrors("commentsCloseAfterDays")
                && Integer.parseInt(form.commentsCloseAfterDays().strip()) > 3650) {
            errors.rejectValue("commentsCloseAfterDays", "admin.settings.daysInvalid");
        }
        if (errors.hasErrors()) {
            ModelAndView mav = new ModelAndView("admin/settings");
            mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return mav;
        }
        settings.save(new SiteSettingsAdmin.Values(form.name(), nz(form.tagline()), nz(form.about()), social,
                Boolean.TRUE.equals(form.commentsEnabled()), Boolean.TRUE.equals(form.commentsPremoderated()),
                Integer.parseInt(form.commentsCloseAfterDays().strip()), nz(form.commentPolicy()),
                Boolean.TRUE.equals(form.commentsNewestFirst())),
                new AuditLog.Actor(me.getStaffId(), me.getDisplayName()));
        redirect.addFlashAttribute("flash", "admin.settings.saved");
        return new ModelAndView("redirect:/admin/settings");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
