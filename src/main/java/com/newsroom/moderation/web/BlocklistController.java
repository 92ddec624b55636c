package com.newsroom.moderation.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.comment.Blocklist;
import com.newsroom.web.RuleViolation;

/** Blocked words and sites, kept by moderators beside the queue (they are the ones who see the spam). */
@Controller
@RequestMapping("/admin/comments/blocklist")
@PreAuthorize("hasRole('MODERATOR')")
class BlocklistController {

    private final Blocklist blocklist;

    BlocklistController(Blocklist blocklist) {
        this.blocklist = blocklist;
    }

    @GetMapping
    String form(Model model) {
        Blocklist.Entries entries = blocklist.entries();
        return show(model, entries, String.join("\n", entries.words()), String.join("\n", entries.hosts()));
    }

    @PostMapping
    String save(@RequestParam(required = false) String words, @RequestParam(required = false) String hosts,
            @AuthenticationPrincipal StaffUser me, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            blocklist.replace(words, hosts, new AuditLog.Actor(me.getStaffId(), me.getDisplayName()));
        }
        catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorKey", refused.messageKey());
            return show(model, blocklist.entries(), words == null ? "" : words, hosts == null ? "" : hosts);
        }
        redirect.addFlashAttribute("flash", "moderation.blocklist.saved");
        return "redirect:/admin/comments/blocklist";
    }

    private static String show(Model model, Blocklist.Entries entries, String words, String hosts) {
        model.addAttribute("entries", entries);
        model.addAttribute("words", words);
        model.addAttribute("hosts", hosts);
        return "admin/comments/blocklist";
    }
}
