package com.newsroom.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the load balancer's {@code X-Request-Id} when it is sane (at most 64 letters,
 * digits and dashes), a fresh one otherwise. The id is in every log line written while serving the request
 * (MDC key {@code requestId}) and goes back in the response's {@code X-Request-Id}, so a reader's report can be
 * matched with the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    public static final String MDC_KEY = "requestId";

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An error dispatch of the same request keeps the id already given to it.
        String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given : idFor(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            }
            else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** Error pages are logged under the id of the request that failed. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
