package com.newsroom.web;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request carries a session cookie: a staff member, or a reader who has just commented. */
public final class SessionCookies {

    private static final Set<String> NAMES = Set.of("SESSION", "JSESSIONID");

    private SessionCookies() {
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
