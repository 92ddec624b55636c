package com.newsroom.article.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.article.ArticleLookup;
import com.newsroom.article.ArticleQueries;
import com.newsroom.comment.CommentThreads;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Redirects;
import com.newsroom.web.Slugs;
import com.newsroom.web.paging.PageParams;

/** The front page, the latest-news listing and the article permalink. */
@Controller
class ArticleController {

    private final ArticleQueries articles;

    private final CommentThreads comments;

    ArticleController(ArticleQueries articles, CommentThreads comments) {
        this.articles = articles;
        this.comments = comments;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("home", articles.home());
        return "home/index";
    }

    @GetMapping("/latest")
    String latest(@RequestParam(required = false) String page, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        var listing = articles.latest(PageParams.of(page, after, before));
        return ListingPages.render(model, listing, ListingHeading.latest());
    }

    @GetMapping("/articles/{slug}")
    Object article(@PathVariable String slug, Model model) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        ArticleLookup lookup = articles.lookup(slug);
        if (lookup instanceof ArticleLookup.Moved moved) {
            return Redirects.permanent("/articles/" + moved.currentSlug());
        }
        if (lookup instanceof ArticleLookup.Found found) {
            model.addAttribute("article", found.page());
            model.addAttribute("comments", comments.approvedFor(found.page().id()));
            return "article/show";
        }
        throw new NotFoundException();
    }
}
