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
 * Who may read the actuator beyond health and info (metrics for Prometheus): anyone on the actuator's own port,
 * a scraper on the same machine, or a signed-in administrator. "Same machine" is the TCP peer of the connection itself, not the address the
 * forwarded headers claim (anyone can send X-Forwarded-For: 127.0.0.1), and a request that came through a
 * proxy on the same machine (it carries forwarded headers) does not count as local.
 */
final class ActuatorAccess {

    private ActuatorAccess() {
    }

    /**
     * {@code dedicatedPort}: the actuator's own port (MANAGEMENT_SERVER_PORT), or null when it shares the site's.
     * Whoever reaches a dedicated port was let in by the network (the compose file publishes it on the host's
     * loopback only), so a scraper there needs no further proof; through Docker's port mapping it would not
     * even appear as loopback.
     */
    static AuthorizationManager<RequestAuthorizationContext> localOrAdmin(Integer dedicatedPort) {
        return (authentication, context) -> {
            if (dedicatedPort != null && dedicatedPort > 0 && context.getRequest().getLocalPort() == dedicatedPort) {
                return new AuthorizationDecision(true);
            }
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
