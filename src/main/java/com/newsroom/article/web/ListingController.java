package com.newsroom.article.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.article.ArticleQueries;
import com.newsroom.author.Authors;
import com.newsroom.cache.PageKeys;
import com.newsroom.category.Categories;
import com.newsroom.category.CategoryAdmin;
import com.newsroom.tag.Tags;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Redirects;
import com.newsroom.web.Slugs;
import com.newsroom.web.paging.PageParams;

/** Category, tag and author pages: a heading, a description and the articles filed there, newest first. */
@Controller
class ListingController {

    private final ArticleQueries articles;

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final CategoryAdmin categoryAdmin;

    ListingController(ArticleQueries articles, Categories categories, Tags tags, Authors authors,
            CategoryAdmin categoryAdmin) {
        this.categoryAdmin = categoryAdmin;
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
    }

    @GetMapping("/category/{slug}")
    Object category(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        var found = categories.findBySlug(checked(slug));
        if (found.isEmpty()) {
            // A renamed category's old address answers with a permanent redirect.
            return categoryAdmin.redirectFor(slug).map(current -> Redirects.permanent("/category/" + current))
                    .orElseThrow(NotFoundException::new);
        }
        var category = found.get();
        return ListingPages.render(model, articles.inCategory(category.getId(), params),
                new ListingHeading("Category", category.getName(), category.getDescription(),
                        "/category/" + category.getSlug()), PageKeys.category(category.getSlug()));
    }

    @GetMapping("/tag/{slug}")
    String tag(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        var tag = tags.findBySlug(checked(slug)).orElseThrow(NotFoundException::new);
        String description = tag.getDescription().isBlank() ? "Stories tagged “" + tag.getName() + "”."
                : tag.getDescription();
        return ListingPages.render(model, articles.tagged(tag.getId(), params),
                new ListingHeading("Tag", tag.getName(), description, "/tag/" + tag.getSlug()),
                PageKeys.tag(tag.getSlug()));
    }

    @GetMapping("/author/{slug}")
    String author(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        PageParams params = PageParams.of(page, after, before);
        var author = authors.findBySlug(checked(slug)).orElseThrow(NotFoundException::new);
        return ListingPages.render(model, articles.byAuthor(author.getId(), params),
                new ListingHeading("Author", author.getDisplayName(), author.getBio(), "/author/" + author.getSlug()),
                PageKeys.author(author.getSlug()));
    }

    private static String checked(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        return slug;
    }
}
