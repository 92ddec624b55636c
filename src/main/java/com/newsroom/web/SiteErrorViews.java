package com.newsroom.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error is shown in the site's own style, with words chosen for its status. Nothing from the
 * exception (message, class, trace) is passed to the page.
 */
@Component
class SiteErrorViews implements ErrorViewResolver {

    /** Statuses with their own wording in messages.properties; others use the 4xx or 5xx text. */
    private static final Set<Integer> WORDED = Set.of(400, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503);

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String key = WORDED.contains(status.value()) ? String.valueOf(status.value())
                : status.is4xxClientError() ? "4xx" : "5xx";
        return new ModelAndView("error/page", Map.of("status", status.value(), "messageKey", "error." + key),
                status);
    }
}
