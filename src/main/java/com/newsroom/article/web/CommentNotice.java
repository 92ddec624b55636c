package com.newsroom.article.web;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.WebUtils;

import com.newsroom.web.PersonalCookies;

/**
 * The thanks a reader sees once, above the comments, after sending one: carried from the comment form's redirect
 * to the article page by a short-lived cookie scoped to that article, not by a session. A reader whose comment
 * leaves nothing of theirs to show (published at once, or quietly marked as spam) therefore gets no session,
 * so a spam run from many addresses writes no session rows and its redirects point at pages any cache may
 * serve. The page that shows the notice is personal ({@link PersonalCookies}) and clears the cookie.
 */
enum CommentNotice {

    PUBLISHED("comment.published"), AWAITING("comment.awaiting");

    /** Long enough for a redirect to be followed; a notice not seen by then is of no use. */
    private static final int MAX_AGE_SECONDS = 120;

    private final String messageKey;

    CommentNotice(String messageKey) {
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }

    void send(String articleSlug, HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(articleSlug, name(), MAX_AGE_SECONDS, request));
    }

    /**
     * The notice waiting for this reader on this article, cleared as it is taken; nothing for a cookie this
     * site did not write (an unknown value is cleared all the same).
     */
    static Optional<CommentNotice> take(String articleSlug, HttpServletRequest request,
            HttpServletResponse response) {
        Cookie cookie = WebUtils.getCookie(request, PersonalCookies.COMMENT_NOTICE);
        if (cookie == null) {
            return Optional.empty();
        }
        response.addCookie(cookie(articleSlug, "", 0, request));
        return Arrays.stream(values()).filter(notice -> notice.name().equals(cookie.getValue())).findFirst();
    }

    private static Cookie cookie(String articleSlug, String value, int maxAge, HttpServletRequest request) {
        Cookie cookie = new Cookie(PersonalCookies.COMMENT_NOTICE, value);
        cookie.setPath(request.getContextPath() + "/articles/" + articleSlug);
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
