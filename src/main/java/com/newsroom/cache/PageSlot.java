package com.newsroom.cache;

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
}
