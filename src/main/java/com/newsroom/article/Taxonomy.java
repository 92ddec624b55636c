package com.newsroom.article;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.CategoryAdmin;
import com.newsroom.tag.Tags;
import com.newsroom.web.Slugs;

/**
 * Finds the category, tag or author behind a public address, the same way for listing pages and feeds: a slug
 * that is not well-formed is missing, and a renamed category's old slug is {@link TaxonomyLookup.Moved} (a
 * permanent redirect, forever).
 */
@Component
@Transactional(readOnly = true)
public class Taxonomy {

    private final Categories categories;

    private final CategoryAdmin categoryAdmin;

    private final Tags tags;

    private final Authors authors;

    Taxonomy(Categories categories, CategoryAdmin categoryAdmin, Tags tags, Authors authors) {
        this.categories = categories;
        this.categoryAdmin = categoryAdmin;
        this.tags = tags;
        this.authors = authors;
    }

    public TaxonomyLookup category(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return categories.findBySlug(slug)
                .<TaxonomyLookup>map(c -> new TaxonomyLookup.Found(ListingScope.CATEGORY, c.getId(), c.getName(),
                        c.getDescription(), c.getSlug(), "/category/" + c.getSlug()))
                .orElseGet(() -> categoryAdmin.redirectFor(slug)
                        .<TaxonomyLookup>map(current -> new TaxonomyLookup.Moved("/category/" + current))
                        .orElseGet(TaxonomyLookup.Missing::new));
    }

    public TaxonomyLookup tag(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return tags.findBySlug(slug)
                .<TaxonomyLookup>map(t -> new TaxonomyLookup.Found(ListingScope.TAG, t.getId(), t.getName(),
                        t.getDescription().isBlank() ? "Stories tagged “" + t.getName() + "”." : t.getDescription(),
                        t.getSlug(), "/tag/" + t.getSlug()))
                .orElseGet(TaxonomyLookup.Missing::new);
    }

    public TaxonomyLookup author(String slug) {
        if (!Slugs.isValid(slug)) {
            return new TaxonomyLookup.Missing();
        }
        return authors.findBySlug(slug)
                .<TaxonomyLookup>map(a -> new TaxonomyLookup.Found(ListingScope.AUTHOR, a.getId(), a.getDisplayName(),
                        a.getBio(), a.getSlug(), "/author/" + a.getSlug()))
                .orElseGet(TaxonomyLookup.Missing::new);
    }
}
