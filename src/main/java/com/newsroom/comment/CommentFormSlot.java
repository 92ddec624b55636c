package com.newsroom.comment;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.newsroom.cache.PageSlot;
import com.newsroom.cache.PageSlots;

/**
 * The comment form's hidden token, filled in on every response (see {@link PageSlot}): a page served from the
 * cache gives each reader a form of their own, with its own nonce and the time it was really served, so a
 * "too fast" reply is caught and two readers of one cached page can both comment.
 * <p>
 * A page kept by a cache tier in front carries an empty token instead, which the page's script
 * (js/comment-form.js) fills from {@link PageSlots#includePath} as soon as the reader starts writing: only
 * readers who comment cost an instance a request, not every view. Without a script the comment arrives with no
 * token, and the reader is asked to send it once more from a form that has one (see CommentSubmissions).
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
        if (!isArticleId(argument)) {
            return "";
        }
        return "<input type=\"hidden\" name=\"token\" value=\"" + tokens.issue(Long.parseLong(argument)) + "\">";
    }

    @Override
    public Optional<String> placeholderInFront(String argument) {
        if (!isArticleId(argument)) {
            return Optional.of("");
        }
        return Optional.of("<input type=\"hidden\" name=\"token\" value=\"\" data-token-from=\""
                + PageSlots.includePath(NAME, argument) + "\">");
    }

    private static boolean isArticleId(String argument) {
        return argument != null && argument.matches("\\d{1,18}");
    }
}
