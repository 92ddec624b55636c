package com.newsroom.article.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.article.ArticleUpdates;
import com.newsroom.article.EditorialDashboard;

/** The admin's front page: drafts, scheduled, recently published and the pending comment count. */
@Controller
class DashboardController {

    private final EditorialDashboard dashboard;

    private final ArticleUpdates updates;

    DashboardController(EditorialDashboard dashboard, ArticleUpdates updates) {
        this.dashboard = dashboard;
        this.updates = updates;
    }

    private static final int PENDING_UPDATES = 8;

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("summary", dashboard.summary(me.has(Role.EDITOR) ? null : me.getStaffId()));
        model.addAttribute("canEdit", me.has(Role.AUTHOR));
        model.addAttribute("pendingUpdates", me.has(Role.AUTHOR)
                ? updates.waiting(me.has(Role.EDITOR) ? null : me.getStaffId(), PENDING_UPDATES) : List.of());
        model.addAttribute("allArticles", me.has(Role.EDITOR));
        model.addAttribute("moderates", me.has(Role.MODERATOR));
        return "admin/dashboard";
    }
}
