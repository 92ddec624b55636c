package com.newsroom.article.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.article.ArticleQueries;
import com.newsroom.article.Taxonomy;
import com.newsroom.article.TaxonomyLookup;
import com.newsroom.cache.PageKeys;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Redirects;
import com.newsroom.web.paging.PageParams;

/** Category, tag and author pages: a heading, a description and the articles filed there, newest first. */
@Controller
class ListingController {

    private final ArticleQueries articles;

    private final Taxonomy taxonomy;

    ListingController(ArticleQueries articles, Taxonomy taxonomy) {
        this.articles = articles;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/category/{slug}")
    Object category(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        return listing(taxonomy.category(slug), "Category", params, model);
    }

    @GetMapping("/tag/{slug}")
    Object tag(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        return listing(taxonomy.tag(slug), "Tag", params, model);
    }

    @GetMapping("/author/{slug}")
    Object author(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        return listing(taxonomy.author(slug), "Author", params, model);
    }

    /** The listing, or a permanent redirect from an old address, or not found. */
    private Object listing(TaxonomyLookup lookup, String kind, PageParams params, Model model) {
        if (lookup instanceof TaxonomyLookup.Moved moved) {
            return Redirects.permanent(moved.path());
        }
        if (lookup instanceof TaxonomyLookup.Found found) {
            return ListingPages.render(model, articles.listing(found, params),
                    new ListingHeading(kind, found.name(), found.description(), found.path()), pageKey(found));
        }
        throw new NotFoundException();
    }

    /** The surrogate key the listing's page is cached under. */
    static String pageKey(TaxonomyLookup.Found found) {
        return switch (found.scope()) {
            case CATEGORY -> PageKeys.category(found.slug());
            case TAG -> PageKeys.tag(found.slug());
            case AUTHOR -> PageKeys.author(found.slug());
            case LATEST -> PageKeys.HOME;
        };
    }
}
