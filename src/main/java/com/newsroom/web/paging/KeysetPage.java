package com.newsroom.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by position rather than by offset (the rows after the last one shown), for the
 * listings that only page forwards (staff lists: articles, tags, media, the audit log). {@code next} is the
 * position to ask for the following page with, or null on the last page.
 */
public record KeysetPage<T>(List<T> rows, String next) {

    /**
     * The page from rows read with a limit of {@code size + 1}: the extra row, if it came, only tells that another
     * page follows, and the position of the last row shown leads to it.
     */
    public static <T> KeysetPage<T> of(List<T> fetched, int size, Function<T, String> positionOf) {
        if (fetched.size() <= size) {
            return new KeysetPage<>(List.copyOf(fetched), null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, size));
        return new KeysetPage<>(shown, positionOf.apply(shown.get(size - 1)));
    }
}
