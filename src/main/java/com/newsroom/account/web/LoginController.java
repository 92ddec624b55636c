package com.newsroom.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff sign-in page. Spring Security handles the POST; this only shows the form and why it failed. */
@Controller
class LoginController {

    static final String LAST_LOGIN = "NEWSROOM_LAST_LOGIN";

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Authentication authentication,
            Model model, HttpServletResponse response) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && error == null) {
            return "redirect:/admin";
        }
        Object last = session.getAttribute(LAST_LOGIN);
        session.removeAttribute(LAST_LOGIN);
        model.addAttribute("username", last == null ? "" : last);
        if (error != null) {
            String key = "locked".equals(error) ? "login.locked" : "login.failed";
            model.addAttribute("errorKey", key);
            response.setStatus("locked".equals(error) ? 429 : 401);
        }
        return "account/login";
    }
}
