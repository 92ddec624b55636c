package com.newsroom.config;

import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The hardening headers every response carries, pages, error pages, static files and staff pages alike.
 * Scripts, styles and frames come only from this site: templates hold no inline script or style, so the
 * policy needs neither nonces nor 'unsafe-inline'.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
            "style-src 'self'", "img-src 'self' data: https:", "font-src 'self'", "connect-src 'self'",
            "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    private SecurityHeaders() {
    }

    static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>> HeadersConfigurer<H> apply(
            HeadersConfigurer<H> headers) {
        return headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(options -> {
                })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // HstsHeaderWriter only writes on secure requests; a year, subdomains included.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }
}
