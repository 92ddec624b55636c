package com.newsroom.moderation.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.CommentStatus;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationQueue;
import com.newsroom.moderation.ModerationService;
import com.newsroom.web.BadRequestException;
import com.newsroom.web.paging.PageParams;

/** The comment queue at /admin/comments: tabs per status, reasons, single and bulk decisions. */
@Controller
@RequestMapping("/admin/comments")
@PreAuthorize("hasRole('MODERATOR')")
class CommentModerationController {

    private static final String QUEUE = "/admin/comments";

    private final ModerationQueue queue;

    private final ModerationService moderation;

    private final CommentReports reports;

    CommentModerationController(ModerationQueue queue, ModerationService moderation, CommentReports reports) {
        this.queue = queue;
        this.moderation = moderation;
        this.reports = reports;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(required = false) Long article,
            @RequestParam(required = false) String page, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        CommentStatus tab = status(status);
        PageParams params = PageParams.of(page, after, before);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", CommentStatus.values());
        model.addAttribute("articleId", article);
        model.addAttribute("articleTitle", article == null ? null : queue.articleTitle(article));
        model.addAttribute("counts", queue.counts(article));
        model.addAttribute("reportedCount", reports.openCount());
        model.addAttribute("listing", queue.page(tab, article, params));
        model.addAttribute("actions", actionsFor(tab));
        model.addAttribute("basePath", QUEUE + "?status=" + tab + (article == null ? "" : "&article=" + article));
        return "admin/comments/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, null, null, model);
    }

    @PostMapping("/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
            @RequestParam(name = "returnTo", required = false) String returnTo,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flash", "moderation.flash.noneSelected");
            return "redirect:" + safeReturn(returnTo);
        }
        int changed = moderation.apply(action(action), ids, me.getDisplayName());
        redirect.addFlashAttribute("flash", "moderation.flash.applied");
        redirect.addFlashAttribute("flashCount", changed);
        return "redirect:" + safeReturn(returnTo);
    }

    @PostMapping("/{id}/decide")
    String decide(@PathVariable long id, @RequestParam String decision,
            @RequestParam(name = "returnTo", required = false) String returnTo,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        ModerationAction action = action(decision);
        int changed = moderation.apply(action, List.of(id), me.getDisplayName());
        redirect.addFlashAttribute("flash", "moderation.flash.applied");
        redirect.addFlashAttribute("flashCount", changed);
        String back = safeReturn(returnTo);
        // A deleted comment has no detail page to return to.
        return "redirect:" + (action == ModerationAction.DELETE && back.startsWith(QUEUE + "/") ? QUEUE : back);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @Valid @ModelAttribute("editForm") ModerationForm form, BindingResult errors,
            @AuthenticationPrincipal StaffUser me, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showDetail(id, form, null, model);
        }
        moderation.edit(id, form.body().strip(), me.getDisplayName());
        redirect.addFlashAttribute("flash", "moderation.flash.edited");
        return "redirect:" + QUEUE + "/" + id;
    }

    @PostMapping("/{id}/reply")
    String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ModerationForm form, BindingResult errors,
            @AuthenticationPrincipal StaffUser me, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showDetail(id, null, form, model);
        }
        moderation.replyAsStaff(id, form.body().strip(), me.getStaffId(), me.getDisplayName(), me.getDisplayName());
        redirect.addFlashAttribute("flash", "moderation.flash.replied");
        return "redirect:" + QUEUE + "/" + id;
    }

    /** The comment with its history; a form passed in is the one just bound, errors and text kept. */
    private String showDetail(long id, ModerationForm editForm, ModerationForm replyForm, Model model) {
        var detail = moderation.detail(id);
        model.addAttribute("comment", detail);
        model.addAttribute("editForm", editForm != null ? editForm : new ModerationForm(detail.body()));
        model.addAttribute("replyForm", replyForm != null ? replyForm : new ModerationForm(""));
        model.addAttribute("actions", actionsFor(detail.status()));
        return "admin/comments/detail";
    }

    /** The decisions that make sense from a tab: no "approve" on the approved tab, delete only for junk. */
    static List<ModerationAction> actionsFor(CommentStatus status) {
        return switch (status) {
            case PENDING -> List.of(ModerationAction.APPROVE, ModerationAction.REJECT, ModerationAction.SPAM);
            case APPROVED -> List.of(ModerationAction.RESTORE, ModerationAction.REJECT, ModerationAction.SPAM);
            case SPAM, REJECTED -> List.of(ModerationAction.APPROVE, ModerationAction.RESTORE, ModerationAction.DELETE);
        };
    }

    private static CommentStatus status(String value) {
        try {
            return CommentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequestException("Unknown comment status");
        }
    }

    private static ModerationAction action(String value) {
        try {
            return ModerationAction.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequestException("Unknown moderation action");
        }
    }

    /** Only back into the queue: never an open redirect to another site. */
    static String safeReturn(String returnTo) {
        if (returnTo != null && returnTo.startsWith(QUEUE) && !returnTo.contains("//") && !returnTo.contains("\\")
                && !returnTo.contains("\r") && !returnTo.contains("\n")) {
            return returnTo;
        }
        return QUEUE;
    }
}
