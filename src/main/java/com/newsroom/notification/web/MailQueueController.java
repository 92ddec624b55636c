package com.newsroom.notification.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.notification.MailOutbox;
import com.newsroom.notification.OutboxSender;
import com.newsroom.site.DisplayDates;

/** Administrators see what mail went out, what waits and what was given up, and send a given-up mail again. */
@Controller
@RequestMapping("/admin/mail")
class MailQueueController {

    static final int SHOWN = 100;

    private final MailOutbox outbox;

    private final OutboxSender sender;

    private final DisplayDates dates;

    MailQueueController(MailOutbox outbox, OutboxSender sender, DisplayDates dates) {
        this.outbox = outbox;
        this.sender = sender;
        this.dates = dates;
    }

    /** A row as the page shows it: dates already formatted in the site's zone. */
    record Row(long id, String recipient, String subject, String state, String queuedAt, String queuedAtIso,
            int attempts, String nextAttempt, String lastError) {
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("mailConfigured", sender.canSend());
        model.addAttribute("mails", outbox.recent(SHOWN).stream()
                .map(m -> new Row(m.id(), m.recipient(), m.subject(), m.state(), dates.dateTime(m.createdAt()),
                        dates.iso(m.createdAt()), m.attempts(),
                        "waiting".equals(m.state()) ? dates.dateTime(m.nextAttemptAt()) : "", m.lastError()))
                .toList());
        return "admin/mail";
    }

    @PostMapping("/{id}/retry")
    String retry(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        boolean retried = outbox.retry(id, new AuditLog.Actor(me.getStaffId(), me.getDisplayName()));
        redirect.addFlashAttribute("flash", retried ? "admin.mail.retried" : "admin.mail.notRetried");
        return "redirect:/admin/mail";
    }
}
