package com.newsroom.article;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.web.paging.Cursor;
import com.newsroom.web.paging.Listing;
import com.newsroom.web.paging.PageParams;

/** Reads the keys of one listing page with keyset pagination; the cards are loaded separately. */
@Component
class ArticleListings {

    private final JdbcClient jdbc;

    ArticleListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Listing<Cursor> page(ListingScope scope, Long owner, PageParams params, int size) {
        if (params.before() != null) {
            return backward(scope, owner, params, size);
        }
        boolean fromCursor = params.after() != null;
        // A hand-typed page number without a cursor falls back to an offset over the index.
        long offset = fromCursor ? 0 : (long) (params.number() - 1) * size;
        var query = jdbc.sql(scope.forwardSql(fromCursor, size + 1, offset > 0));
        if (offset > 0) {
            query = query.param("offset", offset);
        }
        if (owner != null) {
            query = query.param("owner", owner);
        }
        if (fromCursor) {
            query = query.param("at", Timestamp.from(params.after().at())).param("id", params.after().id());
        }
        List<Cursor> keys = query.query((rs, row) -> new Cursor(rs.getTimestamp("at").toInstant(), rs.getLong("id")))
                .list();
        boolean hasMore = keys.size() > size;
        List<Cursor> shown = hasMore ? keys.subList(0, size) : keys;
        return Listing.of(List.copyOf(shown), params.number(), first(shown), last(shown), hasMore);
    }

    private Listing<Cursor> backward(ListingScope scope, Long owner, PageParams params, int size) {
        var query = jdbc.sql(scope.backwardSql(size))
                .param("at", Timestamp.from(params.before().at()))
                .param("id", params.before().id());
        if (owner != null) {
            query = query.param("owner", owner);
        }
        List<Cursor> keys = new ArrayList<>(query
                .query((rs, row) -> new Cursor(rs.getTimestamp("at").toInstant(), rs.getLong("id")))
                .list());
        Collections.reverse(keys);
        // The reader came from the page after this one, so there is always a next page.
        return Listing.of(List.copyOf(keys), params.number(), first(keys), last(keys), true);
    }

    private static Cursor first(List<Cursor> keys) {
        return keys.isEmpty() ? null : keys.get(0);
    }

    private static Cursor last(List<Cursor> keys) {
        return keys.isEmpty() ? null : keys.get(keys.size() - 1);
    }
}
