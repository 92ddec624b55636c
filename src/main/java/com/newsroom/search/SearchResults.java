package com.newsroom.search;

import java.util.List;

/**
 * One page of search results. {@code total} counts the matches ranked (not only those on this page); when
 * {@code more} is true there were more matches than are ranked. Pages beyond {@link ArticleSearch#MAX_PAGES}
 * are not offered.
 */
public record SearchResults(String query, String category, List<SearchHit> hits, int page, long total,
        boolean more, boolean hasNext) {

    public boolean isEmpty() {
        return hits.isEmpty();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** Position of the first hit on this page, counting from one. */
    public long first(int pageSize) {
        return (long) (page - 1) * pageSize + 1;
    }
}
