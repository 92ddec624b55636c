package com.newsroom.moderation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.web.util.UriComponentsBuilder;

import com.newsroom.account.StaffUser;
import com.newsroom.audit.AuditLog;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.CommentStatus;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationQueue;
import com.newsroom.moderation.ModerationService;
import com.newsroom.web.BadRequestException;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.paging.PageParams;

/**
 * The comment queue at /admin/comments: tabs per status, reasons, single and bulk decisions, search. After a
 * decision the queue comes back at the next comment (an anchor, so it works without JavaScript), with a notice
 * naming what was done and a button to undo it.
 */
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
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        CommentStatus tab = status(status);
        PageParams params = PageParams.of(page, after, before);
        ModerationQueue.Scope scope = new ModerationQueue.Scope(article, q);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", CommentStatus.values());
        model.addAttribute("articleId", article);
        model.addAttribute("q", scope.search());
        model.addAttribute("articleTitle", article == null ? null : queue.articleTitle(article));
        model.addAttribute("counts", queue.counts(scope));
        model.addAttribute("reportedCount", reports.openCount());
        model.addAttribute("listing", queue.page(tab, scope, params));
        model.addAttribute("actions", actionsFor(tab));
        model.addAttribute("basePath", UriComponentsBuilder.fromPath(QUEUE).queryParam("status", tab)
                .queryParamIfPresent("article", java.util.Optional.ofNullable(article))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(scope.search()))
                .build().encode().toUriString());
        return "admin/comments/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return showDetail(id, null, null, model);
    }

    @PostMapping("/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String action,
            @RequestParam(name = "returnTo", required = false) String returnTo,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        // The bulk menu starts on no action, so nothing is ever applied by a default nobody chose.
        if (action == null || action.isBlank()) {
            redirect.addFlashAttribute("flash", "moderation.flash.noAction");
            return "redirect:" + safeReturn(returnTo);
        }
        ModerationAction chosen = action(action);
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flash", "moderation.flash.noneSelected");
            return "redirect:" + safeReturn(returnTo);
        }
        decided(moderation.apply(chosen, ids, actor(me)), redirect);
        return "redirect:" + safeReturn(returnTo);
    }

    @PostMapping("/{id}/decide")
    String decide(@PathVariable long id, @RequestParam String decision,
            @RequestParam(name = "returnTo", required = false) String returnTo,
            @RequestParam(name = "next", required = false) Long next,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        ModerationAction action = action(decision);
        decided(moderation.apply(action, List.of(id), actor(me)), redirect);
        String back = safeReturn(returnTo);
        // A deleted comment has no detail page to return to.
        if (action == ModerationAction.DELETE && back.startsWith(QUEUE + "/")) {
            return "redirect:" + QUEUE;
        }
        // Back in the queue, at the comment after the one just decided.
        return "redirect:" + back + (next != null && back.startsWith(QUEUE + "?") ? "#queue-" + next : "");
    }

    /** Takes back the decision just announced: {@code undo} holds "id:STATUS_NOW:STATUS_BEFORE" per comment. */
    @PostMapping("/undo")
    String undo(@RequestParam(name = "undo", required = false) List<String> undo,
            @RequestParam(name = "returnTo", required = false) String returnTo,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        Map<Long, ModerationService.Undo> moves = new LinkedHashMap<>();
        for (String move : undo == null ? List.<String>of() : undo) {
            String[] parts = move.split(":");
            if (parts.length != 3 || !parts[0].matches("\\d{1,18}")) {
                throw new BadRequestException("Malformed undo");
            }
            moves.put(Long.parseLong(parts[0]), new ModerationService.Undo(status(parts[1]), status(parts[2])));
        }
        int undone = moderation.undo(moves, actor(me));
        redirect.addFlashAttribute("flash", undone == moves.size() ? "moderation.flash.undone"
                : "moderation.flash.undoneInPart");
        return "redirect:" + safeReturn(returnTo);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @Valid @ModelAttribute("editForm") ModerationForm form, BindingResult errors,
            @AuthenticationPrincipal StaffUser me, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showDetail(id, form, null, model);
        }
        moderation.edit(id, form.body().strip(), actor(me));
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
        CommentStatus before = moderation.detail(id).status();
        try {
            moderation.replyAsStaff(id, form.body().strip(), actor(me));
        }
        catch (RuleViolation refused) {
            // Under a comment readers cannot see, the reply would stand alone: kept here, with the reason.
            errors.rejectValue(refused.field(), refused.messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
            return showDetail(id, null, form, model);
        }
        redirect.addFlashAttribute("flash", before == CommentStatus.PENDING ? "moderation.flash.approvedAndReplied"
                : "moderation.flash.replied");
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

    /** The notice after a decision: what was done to whom, and what undoing it takes. */
    private static void decided(ModerationService.Outcome outcome, RedirectAttributes redirect) {
        redirect.addFlashAttribute("decided", Decided.of(outcome));
    }

    private static AuditLog.Actor actor(StaffUser me) {
        return new AuditLog.Actor(me.getStaffId(), me.getDisplayName());
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
                && !returnTo.contains("\r") && !returnTo.contains("\n") && !returnTo.contains("#")) {
            return returnTo;
        }
        return QUEUE;
    }
}
