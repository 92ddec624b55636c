package com.newsroom.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first listing and the links around it. {@code nextQuery} and {@code previousQuery}
 * are ready-made query strings (without "?"), or null where there is no such page.
 */
public record Listing<T>(List<T> items, int number, String nextQuery, String previousQuery) {

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean hasNext() {
        return nextQuery != null;
    }

    public boolean hasPrevious() {
        return previousQuery != null;
    }

    public <R> Listing<R> map(Function<T, R> mapper) {
        return new Listing<>(items.stream().map(mapper).toList(), number, nextQuery, previousQuery);
    }

    /** Builds the page links from the cursors of the first and last rows shown. */
    public static <T> Listing<T> of(List<T> items, int number, Cursor first, Cursor last, boolean hasMore) {
        String next = hasMore && last != null ? "page=" + (number + 1) + "&after=" + last.token() : null;
        String previous = null;
        if (number == 2) {
            previous = "";
        }
        else if (number > 2 && first != null) {
            previous = "page=" + (number - 1) + "&before=" + first.token();
        }
        return new Listing<>(items, number, next, previous);
    }
}
