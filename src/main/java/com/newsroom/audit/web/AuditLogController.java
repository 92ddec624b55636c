package com.newsroom.audit.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.web.paging.KeysetPage;
import com.newsroom.audit.AuditLog;

/** The audit log, newest first, for administrators. */
@Controller
class AuditLogController {

    private static final int PAGE = 50;

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) Long before, Model model) {
        KeysetPage<AuditLog.Entry> page = KeysetPage.of(audit.recent(before, PAGE + 1), PAGE,
                entry -> String.valueOf(entry.id()));
        model.addAttribute("entries", page.rows());
        model.addAttribute("next", page.next());
        return "admin/audit";
    }
}
