package com.newsroom.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A staff form sent after its session had ended (expired, or signed out in another tab). Its CSRF token can no
 * longer be checked, so it is not acted on; but what was typed is kept in the new session, and the page the form
 * came from offers it back once its author has signed in again. Only the latest one is kept.
 */
public record KeptSubmission(String path, Map<String, List<String>> fields) implements Serializable {

    private static final String ATTRIBUTE = "NEWSROOM_KEPT_SUBMISSION";

    /** Fields never offered back: the dead token, and which button was pressed (the person presses it again). */
    private static final List<String> LEFT_OUT = List.of("_csrf", "action");

    /** Keeps the request's form fields in a (new) session. */
    public static void keep(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!LEFT_OUT.contains(name)) {
                fields.put(name, new ArrayList<>(List.of(values)));
            }
        });
        request.getSession(true).setAttribute(ATTRIBUTE, new KeptSubmission(request.getRequestURI()
                .substring(request.getContextPath().length()), fields));
    }

    /** The submission sent to {@code path}, handed over once (it leaves the session). */
    public static Optional<KeptSubmission> take(HttpServletRequest request, String path) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof KeptSubmission kept)
                || !kept.path().equals(path)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(kept);
    }
}
