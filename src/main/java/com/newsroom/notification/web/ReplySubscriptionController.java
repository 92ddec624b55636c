package com.newsroom.notification.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.newsroom.notification.ReplySubscriptions;

/**
 * The links in reply mail: confirm an address, or stop every mail to it. Each asks with a button first, since
 * mail scanners open links on their own; the unsubscribe address also takes a mail client's one-click POST
 * (RFC 8058). The token in the link is what authorises the change, so these forms carry no session or CSRF token
 * (none exists for a reader), and the pages are never cached or indexed.
 */
@Controller
@RequestMapping("/replies")
class ReplySubscriptionController {

    private final ReplySubscriptions subscriptions;

    ReplySubscriptionController(ReplySubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/confirm/{token}")
    String askToConfirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var subscriber = subscriptions.byToken(token);
        if (subscriber.isEmpty()) {
            return unknownLink(model, response);
        }
        return page(model, response, subscriber.get().unsubscribed() ? "unsubscribed"
                : subscriber.get().confirmed() ? "confirmed" : "confirm", token);
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (subscriptions.confirm(token)) {
            return page(model, response, "confirmed", token);
        }
        return subscriptions.byToken(token).isPresent() ? page(model, response, "unsubscribed", token)
                : unknownLink(model, response);
    }

    @GetMapping("/unsubscribe/{token}")
    String askToUnsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        var subscriber = subscriptions.byToken(token);
        if (subscriber.isEmpty()) {
            return unknownLink(model, response);
        }
        return page(model, response, subscriber.get().unsubscribed() ? "unsubscribed" : "unsubscribe", token);
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.unsubscribe(token)) {
            return unknownLink(model, response);
        }
        return page(model, response, "unsubscribed", token);
    }

    private static String page(Model model, HttpServletResponse response, String state, String token) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        model.addAttribute("state", state);
        model.addAttribute("token", token);
        return "replies/subscription";
    }

    /** A mistyped or replaced link: the reader is told so, with the site's 404 status. */
    private static String unknownLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return page(model, response, "unknown", null);
    }
}
