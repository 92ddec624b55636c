package com.newsroom.cache;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A piece of a page that must differ on every response (a one-time form token, say) although the page around
 * it is rendered once and served from memory. Templates write {@link PageSlots#marker(String, Object)} where it
 * goes; each response replaces the marker with {@link #fill} of the bean whose {@link #name()} it names, for a
 * page from the cache as much as for one rendered for a session or with the cache off.
 */
public interface PageSlot {

    /** The name templates use in the marker: letters, digits, '-' and '_'. */
    String name();

    /**
     * The text that replaces the marker, written verbatim into the HTML: escape it for where the marker sits.
     * Called once per response, on the request thread.
     */
    String fill(String argument, HttpServletRequest request);

    /**
     * What a kept page holds in the marker's place, for every reader: in this application's page cache and in any
     * cache in front. Empty, the default, keeps the marker: it is filled on every response, so the page goes out
     * {@code private} (or, to a tier that assembles pages, as an Edge Side Include of {@link PageSlots#INCLUDE_PATH},
     * fetched for every response). A slot that only some readers need (a form's token is needed only by those who
     * write) can instead leave a placeholder that the page's script fills from that same address when, and only
     * if, it is needed: then a kept page is the same bytes for everyone, and a view costs nothing per reader.
     * Pages rendered for one person (a session) are filled directly, placeholder or not.
     */
    default Optional<String> placeholder(String argument) {
        return Optional.empty();
    }
}
