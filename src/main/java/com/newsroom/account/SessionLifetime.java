package com.newsroom.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An absolute lifetime for sessions (OWASP ASVS 3.3: staff sign in again at least every
 * {@code newsroom.admin.session-lifetime}, however active), on top of the idle timeout that Spring Session
 * applies. Runs after the session is loaded and before Spring Security reads the signed-in person from it.
 */
@Configuration(proxyBeanMethods = false)
class SessionLifetime {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionLifetimeFilter(AdminProperties properties, Clock clock) {
        Duration lifetime = properties.sessionLifetime();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && clock.millis() - session.getCreationTime() > lifetime.toMillis()) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("sessionLifetime");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
