package com.newsroom.config;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Spring Security writes the hardening headers (see {@link SecurityHeaders}) for everything it serves. A few
 * answers never pass its header writer: requests its firewall rejects (a ";" or encoded "/" in the path) and
 * methods Tomcat refuses itself (TRACE), whose error pages are rendered on an error dispatch. This filter,
 * on error dispatches, puts the same headers on those when they are missing.
 */
@Configuration(proxyBeanMethods = false)
class HeadersOnEveryResponse {

    @Bean
    FilterRegistrationBean<Filter> hardeningHeadersFallback() {
        Filter filter = (request, response, chain) -> {
            if (response instanceof HttpServletResponse http && !http.containsHeader("Content-Security-Policy")) {
                http.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
                http.setHeader("X-Frame-Options", "DENY");
                http.setHeader("X-Content-Type-Options", "nosniff");
                http.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
                http.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("hardeningHeadersFallback");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

}
