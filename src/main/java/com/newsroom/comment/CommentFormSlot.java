package com.newsroom.comment;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.newsroom.cache.PageSlot;

/**
 * The comment form's hidden token, filled in on every response (see {@link PageSlot}): a page served from the
 * cache gives each reader a form of their own, with its own nonce and the time it was really served, so a
 * "too fast" reply is caught and two readers of one cached page can both comment.
 */
@Component
class CommentFormSlot implements PageSlot {

    static final String NAME = "comment-token";

    private final FormTokens tokens;

    CommentFormSlot(FormTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code argument} is the article id the marker was written with; the token is safe in an attribute. */
    @Override
    public String fill(String argument, HttpServletRequest request) {
        if (argument == null || !argument.matches("\\d{1,18}")) {
            return "";
        }
        return "<input type=\"hidden\" name=\"token\" value=\"" + tokens.issue(Long.parseLong(argument)) + "\">";
    }
}
