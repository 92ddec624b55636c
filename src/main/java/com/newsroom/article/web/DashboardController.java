package com.newsroom.article.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.article.EditorialDashboard;

/** The admin's front page: drafts, scheduled, recently published and the pending comment count. */
@Controller
class DashboardController {

    private final EditorialDashboard dashboard;

    DashboardController(EditorialDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("summary", dashboard.summary(me.has(Role.EDITOR) ? null : me.getStaffId()));
        model.addAttribute("canEdit", me.has(Role.AUTHOR));
        model.addAttribute("allArticles", me.has(Role.EDITOR));
        model.addAttribute("moderates", me.has(Role.MODERATOR));
        return "admin/dashboard";
    }
}
