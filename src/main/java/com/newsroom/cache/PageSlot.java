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
     * What a cache tier in front that keeps the page (Varnish, see {@link PageSlots#assembledInFront}) holds in the
     * marker's place. Empty, the default: an Edge Side Include of {@link PageSlots#INCLUDE_PATH}, which the tier
     * fetches from an instance for every response it serves. A slot that only some readers need (a form's token is
     * needed only by those who write) can instead leave a placeholder that the page's script fills from that same
     * address when, and only if, it is needed: then a view of the kept page costs the instances nothing.
     */
    default Optional<String> placeholderInFront(String argument) {
        return Optional.empty();
    }
}
