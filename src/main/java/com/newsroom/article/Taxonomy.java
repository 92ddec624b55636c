package com.newsroom.article;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.category.CategoryAdmin;
import com.newsroom.web.Slugs;

/**
 * Finds the category, tag or author behind a public address, the same way for listing pages and feeds: a slug
 * that is not well-formed is missing, and a renamed category's old slug is {@link TaxonomyLookup.Moved} (a
 * permanent redirect, forever).
 * <p>
 * Every listing page and feed asks this first, so each lookup is one statement on a connection borrowed for it,
 * outside any transaction: through the JPA repositories, with a transaction, an entity and a persistence context
 * to open and close, it cost as much of the app's CPU as reading the page's articles.
 */
@Component
public class Taxonomy {

    private final JdbcClient jdbc;

    private final CategoryAdmin categoryAdmin;

    Taxonomy(JdbcClient jdbc, CategoryAdmin categoryAdmin) {
        this.jdbc = jdbc;
        this.categoryAdmin = categoryAdmin;
    }

    public TaxonomyLookup category(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return find(ListingScope.CATEGORY, "select id, name, description, slug from categories where slug = :slug",
                slug, "/category/")
                .orElseGet(() -> categoryAdmin.redirectFor(slug)
                        .<TaxonomyLookup>map(current -> new TaxonomyLookup.Moved("/category/" + current))
                        .orElseGet(TaxonomyLookup.Missing::new));
    }

    public TaxonomyLookup tag(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return find(ListingScope.TAG, """
                select id, name,
                       case when description ~ '^\\s*$' then 'Stories tagged “' || name || '”.' else description end
                           as description,
                       slug
                from tags where slug = :slug""", slug, "/tag/")
                .orElseGet(TaxonomyLookup.Missing::new);
    }

    public TaxonomyLookup author(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return find(ListingScope.AUTHOR, "select id, display_name as name, bio as description, slug from staff "
                + "where slug = :slug", slug, "/author/")
                .orElseGet(TaxonomyLookup.Missing::new);
    }

    /** {@code sql} reads id, name, description and slug of the one row with {@code :slug}. */
    private Optional<TaxonomyLookup> find(ListingScope scope, String sql, String slug, String pathPrefix) {
        return jdbc.sql(sql).param("slug", slug)
                .query((rs, n) -> (TaxonomyLookup) new TaxonomyLookup.Found(scope, rs.getLong("id"),
                        rs.getString("name"), rs.getString("description"), rs.getString("slug"),
                        pathPrefix + rs.getString("slug")))
                .optional();
    }
}
