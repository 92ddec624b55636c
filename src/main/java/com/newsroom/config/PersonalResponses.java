package com.newsroom.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

import com.newsroom.web.PersonalCookies;
import com.newsroom.web.StaticFiles;

/**
 * Fails closed for shared caches: a response is private unless something marked it public on purpose (the page
 * cache for pages anyone may share, the resource handlers for static files and media). A response made for a
 * session, or one that sets a cookie, is private whatever it was marked, so a CDN keyed by URL can never hand a
 * reader's held comment, or a member of staff's page, to someone else. Written as the response is committed
 * (Spring Security's header writer), after everything else had its say.
 */
final class PersonalResponses implements HeaderWriter {

    static final String PRIVATE = "private, no-store";


    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        boolean personal = !isSharedFile(request) && (PersonalCookies.present(request)
                || request.getSession(false) != null || response.containsHeader(HttpHeaders.SET_COOKIE));
        if (personal || !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
            if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(v -> v.toLowerCase().contains("cookie"))) {
                response.addHeader(HttpHeaders.VARY, "Cookie");
            }
        }
    }

    private static boolean isSharedFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Static files, media variants and the favicon are the same for everyone, with or without a session.
        return StaticFiles.at(path) || path.startsWith("/favicon");
    }
}
