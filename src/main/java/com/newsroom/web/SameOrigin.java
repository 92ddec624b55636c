package com.newsroom.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Cross-site request forgery defence that needs no session: browsers say where a form was sent from
 * ({@code Sec-Fetch-Site}, {@code Origin}); a post from another site is refused. Clients that send
 * neither header are not browsers, so no visitor's browser can be made to send them.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !(fetchSite.equals("same-origin") || fetchSite.equals("none"));
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return true;
            }
            int originPort = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return !(uri.getHost().equalsIgnoreCase(request.getServerName()) && originPort == request.getServerPort());
        }
        catch (IllegalArgumentException ex) {
            return true;
        }
    }
}
