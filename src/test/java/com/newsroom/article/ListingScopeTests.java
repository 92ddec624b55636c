package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A listing's statements carry their sizes in their text and bind an offset only for a hand-typed page number:
 * bound, a limit or an offset made PostgreSQL plan the statement for every page (see
 * {@link ListingScope#forwardSql(boolean, int, boolean)}). Which plan PostgreSQL keeps shows only on an archive the
 * size of the bench's, so the statements themselves are what is checked here.
 */
class ListingScopeTests {

    @Test
    void pagesFromTheStartOrACursorBindNeitherLimitNorOffset() {
        for (ListingScope scope : ListingScope.values()) {
            assertThat(scope.newestSql(20)).endsWith(" limit 20").doesNotContain(":limit", "offset");
            assertThat(scope.forwardSql(true, 21, false)).contains("(:at, :id)").endsWith(" limit 21")
                    .doesNotContain(":limit", "offset");
            assertThat(scope.backwardSql(20)).contains("(:at, :id)").endsWith(" limit 20").doesNotContain(":limit");
        }
    }

    @Test
    void onlyAHandTypedPageNumberSkipsRows() {
        assertThat(ListingScope.CATEGORY.forwardSql(false, 21, true)).endsWith(" limit 21 offset :offset");
    }
}
