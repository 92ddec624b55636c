package com.newsroom.notification.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.notification.MailProperties;
import com.newsroom.notification.ModerationDigests;
import com.newsroom.notification.OutboxSender;

/** A moderator asks for (or stops) an email digest of the comments waiting in the queue. */
@Controller
@RequestMapping("/admin/moderation/digest")
class DigestController {

    private final ModerationDigests digests;

    private final OutboxSender sender;

    private final MailProperties mail;

    DigestController(ModerationDigests digests, OutboxSender sender, MailProperties mail) {
        this.digests = digests;
        this.sender = sender;
        this.mail = mail;
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("subscribed", digests.isSubscribed(me.getAccountId()));
        model.addAttribute("mailConfigured", sender.canSend());
        model.addAttribute("everyHours", Math.max(1, mail.digestEvery().toHours()));
        return "admin/moderation/digest";
    }

    @PostMapping
    String change(@AuthenticationPrincipal StaffUser me, @RequestParam(defaultValue = "false") boolean subscribe,
            RedirectAttributes redirect) {
        digests.subscribe(me.getAccountId(), subscribe);
        redirect.addFlashAttribute("flash", subscribe ? "admin.digest.started" : "admin.digest.stopped");
        return "redirect:/admin/moderation/digest";
    }
}
