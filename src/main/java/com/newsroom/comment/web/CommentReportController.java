package com.newsroom.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.comment.CommentReports;
import com.newsroom.comment.ReportReason;
import com.newsroom.web.ForbiddenException;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.SameOrigin;

/**
 * "Report" under a published comment: a page of its own (so article pages stay the same for every reader and
 * cacheable), no session needed. Like the comment form, it is protected by a same-origin check rather than a
 * session's CSRF token; reports are counted once per address and rate-limited.
 */
@Controller
class CommentReportController {

    static final int NOTE_LIMIT = 300;

    private final CommentReports reports;

    CommentReportController(CommentReports reports) {
        this.reports = reports;
    }

    @GetMapping("/comments/{id}/report")
    String form(@PathVariable long id, Model model, HttpServletResponse response) {
        return page(id, null, "", model, response);
    }

    @PostMapping("/comments/{id}/report")
    String report(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "") String note, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        if (SameOrigin.isCrossSite(request)) {
            throw new ForbiddenException();
        }
        ReportReason chosen = parse(reason);
        String error = chosen == null ? "comment.report.reasonRequired"
                : note.strip().length() > NOTE_LIMIT ? "comment.report.noteTooLong" : null;
        if (error != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", error);
            return page(id, chosen, note, model, response);
        }
        var outcome = reports.report(id, chosen, note, request.getRemoteAddr());
        switch (outcome) {
            case NOT_REPORTABLE -> throw new NotFoundException();
            case RATE_LIMITED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("error", "comment.report.rateLimited");
                return page(id, chosen, note, model, response);
            }
            default -> {
                model.addAttribute("done", outcome == CommentReports.Outcome.RECEIVED ? "comment.report.thanks"
                        : "comment.report.already");
                return page(id, chosen, note, model, response);
            }
        }
    }

    private String page(long id, ReportReason chosen, String note, Model model, HttpServletResponse response) {
        var comment = reports.reportable(id, model.containsAttribute("done")).orElseThrow(NotFoundException::new);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        model.addAttribute("comment", comment);
        model.addAttribute("reasons", ReportReason.values());
        model.addAttribute("chosen", chosen);
        model.addAttribute("note", note);
        model.addAttribute("noteLimit", NOTE_LIMIT);
        return "comment/report";
    }

    private static ReportReason parse(String reason) {
        if (reason == null) {
            return null;
        }
        for (ReportReason candidate : ReportReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }
}
