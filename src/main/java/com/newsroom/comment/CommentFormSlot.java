package com.newsroom.comment;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.newsroom.cache.PageSlot;
import com.newsroom.cache.PageSlots;

/**
 * The comment form's hidden token. A kept page (in the page cache, or in a cache tier in front) carries it empty,
 * naming {@link PageSlots#includePath} where a token is made; the page's script (js/comment-form.js) fetches one as
 * soon as the reader starts writing. So every reader of a kept article gets the same bytes, only readers who
 * write cost a request, each writer gets a nonce of their own, and the token's time is when they began, which the
 * "too fast" check reads. Without a script the comment arrives with no token, and the reader is asked to send it
 * once more from a form that has one (see CommentSubmissions). Pages rendered for one person get a token at once.
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
    public Optional<String> placeholder(String argument) {
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
