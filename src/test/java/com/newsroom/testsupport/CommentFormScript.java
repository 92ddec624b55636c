package com.newsroom.testsupport;

import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What js/comment-form.js does once a reader starts writing, for test clients that run no script: a kept page
 * leaves the comment form's token empty and names where one is made ({@code data-token-from}, see
 * comment.CommentFormSlot); the token is fetched from there and put in the form.
 */
public final class CommentFormScript {

    /** What the token's address answered. */
    public record Answer(int status, String body) {
    }

    private CommentFormScript() {
    }

    /** Fills in {@code form}'s token if the page left it empty, fetching it with {@code get}; returns the token. */
    public static String startWriting(Element form, Function<String, Answer> get) {
        Element token = form.selectFirst("input[name=token]");
        if (token == null) {
            return "";
        }
        if (token.val().isEmpty() && token.hasAttr("data-token-from")) {
            String address = token.attr("data-token-from");
            Answer answer = get.apply(address);
            if (answer.status() != 200) {
                throw new AssertionError("GET " + address + " answered " + answer.status());
            }
            token.val(Jsoup.parse(answer.body()).select("input[name=token]").attr("value"));
        }
        return token.val();
    }
}
