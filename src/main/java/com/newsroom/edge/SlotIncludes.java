package com.newsroom.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.newsroom.cache.PageSlots;
import com.newsroom.web.DatabaseUnavailable;

/**
 * The per-response parts of kept pages ({@link PageSlots#INCLUDE_PATH}): fetched by a cache tier for every response
 * it assembles (an Edge Side Include), or by the page's script when a slot left a placeholder (the comment form's
 * token, once a reader starts writing). They are answered first thing, before sessions, security and Spring MVC,
 * none of which they need: a slot is public, stateless and never stored anywhere. When every view of an article
 * still included its token, answering them here took the article through Varnish from 1,400-2,200 views a second
 * on two cores to 5,000-5,500 (README, "Running at scale").
 */
@Configuration(proxyBeanMethods = false)
class SlotIncludes {

    @Bean
    FilterRegistrationBean<Filter> slotIncludeFilter(PageSlots slots) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SlotIncludeFilter(slots));
        registration.setName("slotIncludes");
        registration.addUrlPatterns(PageSlots.INCLUDE_PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Answers {@code /slots/NAME?argument=ARG}: the slot's value, or 404; 503 while the database is out. */
    static final class SlotIncludeFilter implements Filter {

        private final PageSlots slots;

        SlotIncludeFilter(PageSlots slots) {
            this.slots = slots;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String method = request.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                // Nothing here takes a form: the rest of the site refuses it as it refuses any unknown address.
                chain.doFilter(request, response);
                return;
            }
            String name = request.getRequestURI().substring(request.getContextPath().length()
                    + PageSlots.INCLUDE_PATH.length());
            String argument = request.getParameter("argument");
            response.setHeader("Cache-Control", "no-store, private");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Optional<String> value;
            try {
                value = slots.fill(name, argument == null ? "" : argument, request);
            }
            catch (RuntimeException ex) {
                if (!DatabaseUnavailable.isOutage(ex)) {
                    throw ex;
                }
                // Answered as the rest of the site answers during an outage (a slot's key may not be loaded yet);
                // the page's script then sends without a token, and the reply asks to send again.
                DatabaseUnavailable.markUnavailable(response);
                return;
            }
            if (value.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] body = value.get().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(body.length);
            if (method.equals("GET")) {
                response.getOutputStream().write(body);
            }
        }
    }
}
