package com.newsroom.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the actuator beyond health and info (metrics for Prometheus): a scraper on the same machine, or
 * a signed-in administrator. "Same machine" is the TCP peer of the connection itself, not the address the
 * forwarded headers claim (anyone can send X-Forwarded-For: 127.0.0.1), and a request that came through a
 * proxy on the same machine (it carries forwarded headers) does not count as local.
 */
final class ActuatorAccess {

    private ActuatorAccess() {
    }

    static AuthorizationManager<RequestAuthorizationContext> localOrAdmin() {
        return (authentication, context) -> {
            if (isDirectLocal(context.getRequest())) {
                return new AuthorizationDecision(true);
            }
            var user = authentication.get();
            boolean admin = user != null && user.isAuthenticated()
                    && user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
            return new AuthorizationDecision(admin);
        };
    }

    static boolean isDirectLocal(HttpServletRequest request) {
        ServletRequest original = request;
        while (original instanceof ServletRequestWrapper wrapper) {
            original = wrapper.getRequest();
        }
        if (!(original instanceof HttpServletRequest http)) {
            return false;
        }
        if (http.getHeader("X-Forwarded-For") != null || http.getHeader("Forwarded") != null
                || http.getHeader("X-Real-IP") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }
}
