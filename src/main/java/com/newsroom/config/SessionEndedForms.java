package com.newsroom.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import com.newsroom.web.KeptSubmission;

/**
 * A staff form posted after its session ended carries a CSRF token nobody can check any more. Answering 403
 * would lose what was typed: instead the fields are kept in a new session ({@link KeptSubmission}) and the
 * person is asked to sign in again, then taken back to the page the form came from, which offers the text back
 * to be saved with a fresh token. Nothing is acted on without a valid token. Every other refusal is a 403.
 */
final class SessionEndedForms implements AccessDeniedHandler {

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod()) || signedIn() || fromScript(request)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/admin/")) {
            otherwise.handle(request, response, denied);
            return;
        }
        KeptSubmission.keep(request);
        // After signing in, back to the form's own page (GET), where the kept text is offered.
        requestCache.saveRequest(new AsGet(request), response);
        response.sendRedirect(request.getContextPath() + "/login?sessionEnded");
    }

    /**
     * The editor's background requests (they ask for JSON): nobody would see a sign-in page, and signing in must
     * not lead back to them. They get the 403; the text is still in the open form.
     */
    private static boolean fromScript(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static boolean signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }

    /** The request as the GET of the same address, which is what sign-in should lead back to. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            return java.util.Map.of();
        }
    }
}
