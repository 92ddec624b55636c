package com.newsroom.moderation.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.CommenterBlocks;
import com.newsroom.site.DisplayDates;
import com.newsroom.web.FormSubmissions;

/**
 * What readers reported, and the commenters moderators blocked: comments with open reports (count, reasons,
 * notes) to keep up or decide on in the queue, and blocks to make, read and lift.
 */
@Controller
@PreAuthorize("hasRole('MODERATOR')")
class ReaderReportsController {

    private final CommentReports reports;

    private final CommenterBlocks blocks;

    private final DisplayDates dates;

    ReaderReportsController(CommentReports reports, CommenterBlocks blocks, DisplayDates dates) {
        this.reports = reports;
        this.blocks = blocks;
        this.dates = dates;
    }

    @GetMapping("/admin/comments/reported")
    String reported(Model model) {
        model.addAttribute("reported", reports.open().stream()
                .map(r -> new ReportedRow(r, dates.dateTime(r.lastReportedAt()))).toList());
        return "admin/comments/reported";
    }

    /** A reported comment with its last report's time formatted for the page. */
    record ReportedRow(CommentReports.Reported comment, String lastReported) {
    }

    @PostMapping("/admin/comments/reported/{id}/keep")
    String keep(@PathVariable long id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", reports.keep(id, actor(me)) ? "admin.reports.kept" : "admin.reports.notKept");
        return "redirect:/admin/comments/reported";
    }

    @GetMapping("/admin/comments/blocks")
    String blocks(Model model) {
        model.addAttribute("blocks", blocks.all().stream()
                .map(b -> new BlockRow(b, dates.dateTime(b.createdAt()),
                        b.liftedAt() == null ? null : dates.dateTime(b.liftedAt())))
                .toList());
        return "admin/comments/blocks";
    }

    /** A block with its dates formatted for the page. */
    record BlockRow(CommenterBlocks.Block block, String created, String lifted) {
    }

    @GetMapping("/admin/comments/{id}/block")
    String blockForm(@PathVariable long id, Model model) {
        return blockPage(id, "", false, model);
    }

    @PostMapping("/admin/comments/{id}/block")
    ModelAndView block(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean byAddress, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect, Model model) {
        return FormSubmissions.submit(model, "error", () -> {
            blocks.block(id, byAddress, reason, actor(me));
            redirect.addFlashAttribute("flash", "admin.blocks.blockedFlash");
            return "redirect:/admin/comments/blocks";
        }, () -> blockPage(id, reason, byAddress, model));
    }

    @PostMapping("/admin/comments/blocks/{blockId}/lift")
    String lift(@PathVariable long blockId, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", blocks.lift(blockId, actor(me)) ? "admin.blocks.liftedFlash"
                : "admin.blocks.notLifted");
        return "redirect:/admin/comments/blocks";
    }

    /** The block form; a refused attempt's message is already in the model as "error". */
    private String blockPage(long id, String reason, boolean byAddress, Model model) {
        model.addAttribute("commentId", id);
        model.addAttribute("comment", blocks.describe(id));
        model.addAttribute("reason", reason);
        model.addAttribute("byAddress", byAddress);
        return "admin/comments/block";
    }

    private static AuditLog.Actor actor(StaffUser me) {
        return new AuditLog.Actor(me.getStaffId(), me.getDisplayName());
    }
}
