package com.newsroom.config;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which requests must carry the session's CSRF token: every POST, as Spring Security's default, and any other
 * state-changing method (PUT, DELETE, PATCH, ...) only where a controller accepts it. Forms here only ever
 * POST, so a PUT to a page has no handler to protect: it goes on to Spring MVC and gets the site's 405 page
 * instead of a misleading 403. A controller that does accept such a method is protected as before.
 */
final class CsrfRequired implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    private final ObjectProvider<HandlerMapping> controllers;

    CsrfRequired(ObjectProvider<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String method = request.getMethod();
        if (SAFE.contains(method)) {
            return false;
        }
        if ("POST".equals(method)) {
            return true;
        }
        try {
            HandlerMapping mapping = controllers.getIfAvailable();
            return mapping == null || mapping.getHandler(request) != null;
        }
        catch (HttpRequestMethodNotSupportedException ex) {
            return false;
        }
        catch (Exception ex) {
            // When in doubt, protect.
            return true;
        }
    }
}
