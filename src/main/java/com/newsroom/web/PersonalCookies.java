package com.newsroom.web;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request carries a cookie that makes its pages its own: a session (staff, or a reader with a comment
 * awaiting moderation) or the one-time notice of a comment just sent. Such a request is never answered from a
 * shared cache, here or in front (the Varnish configuration and the README's CDN rules name the same cookies).
 */
public final class PersonalCookies {

    /** Carries the thanks a reader sees once after sending a comment (see {@code CommentNotice}). */
    public static final String COMMENT_NOTICE = "COMMENT_NOTICE";

    private static final Set<String> NAMES = Set.of("SESSION", "JSESSIONID", COMMENT_NOTICE);

    private PersonalCookies() {
    }

    public static boolean present(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (NAMES.contains(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
