package com.newsroom.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * After a successful sign-in: the session's new CSRF token is made and stored now, within the sign-in, then the
 * person goes on as usual (to the page they asked for, or /admin).
 * <p>
 * Signing in replaces the token, but Spring Security only makes the new one when a page first asks for it. Two pages
 * opened at once right after signing in (two tabs, or a page and its editor's background request) would each find
 * none, each make their own and store it in the shared session, and the form of the one stored first would then be
 * refused with a 403, losing what was typed into it.
 */
final class TokenIssuingSignIn implements AuthenticationSuccessHandler {

    private final SavedRequestAwareAuthenticationSuccessHandler then =
            new SavedRequestAwareAuthenticationSuccessHandler();

    TokenIssuingSignIn(String defaultTarget) {
        then.setDefaultTargetUrl(defaultTarget);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            // Reading it is what makes and stores it.
            token.getToken();
        }
        then.onAuthenticationSuccess(request, response, authentication);
    }
}
