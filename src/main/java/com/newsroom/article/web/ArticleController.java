package com.newsroom.article.web;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.article.ArticleLookup;
import com.newsroom.article.ArticlePage;
import com.newsroom.article.ArticleQueries;
import com.newsroom.article.CommentedArticle;
import com.newsroom.article.HomePage;
import com.newsroom.article.LiveCoverage;
import com.newsroom.cache.PageKeys;
import com.newsroom.comment.CommentForm;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.CommentSubmissions;
import com.newsroom.comment.CommentTarget;
import com.newsroom.comment.CommentThreads;
import com.newsroom.comment.SubmissionResult;
import com.newsroom.web.ForbiddenException;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Redirects;
import com.newsroom.web.SameOrigin;
import com.newsroom.web.Slugs;
import com.newsroom.web.paging.PageParams;

/** The front page, the latest-news listing, the article permalink and its comment form. */
@Controller
class ArticleController {

    /** Session attribute holding the ids of comments this reader sent that still await moderation. */
    static final String OWN_COMMENTS = "newsroom.ownPendingComments";

    private final ArticleQueries articles;

    private final CommentThreads comments;

    private final CommentSubmissions submissions;

    private final LiveCoverage live;

    ArticleController(ArticleQueries articles, CommentThreads comments, CommentSubmissions submissions,
            LiveCoverage live) {
        this.live = live;
        this.articles = articles;
        this.comments = comments;
        this.submissions = submissions;
    }

    @GetMapping("/")
    String home(Model model) {
        HomePage home = articles.home();
        PageKeys.add(PageKeys.HOME);
        PageKeys.add(home.cards().map(card -> PageKeys.article(card.id())).toList());
        model.addAttribute("home", home);
        return "home/index";
    }

    @GetMapping("/latest")
    String latest(@RequestParam(required = false) String page, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        var listing = articles.latest(PageParams.of(page, after, before));
        return ListingPages.render(model, listing, ListingHeading.latest(), PageKeys.HOME);
    }

    @GetMapping("/articles/{slug}")
    Object article(@PathVariable String slug, @RequestParam(required = false) Long replyTo,
            @RequestParam(name = "comments", required = false) String commentPage, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        int threadPage = threadPage(commentPage);
        ArticleLookup lookup = lookup(slug);
        if (lookup instanceof ArticleLookup.Moved moved) {
            return Redirects.permanent("/articles/" + moved.currentSlug());
        }
        ArticleLookup.Found found = (ArticleLookup.Found) lookup;
        ArticlePage page = found.page();
        PageKeys.add(keys(page));
        CommentNotice.take(page.slug(), request, response)
                .ifPresent(notice -> model.addAttribute("commentFlash", notice.messageKey()));
        return show(found, CommentForm.empty(replyTo), threadPage, request, model);
    }

    /**
     * The comment form's address, opened directly (a reload after a refused comment, a shared link): back to the
     * article's comments rather than a bare 405.
     */
    @GetMapping("/articles/{slug}/comments")
    String commentsAddress(@PathVariable String slug) {
        ArticleLookup lookup = lookup(slug);
        String current = lookup instanceof ArticleLookup.Moved moved ? moved.currentSlug()
                : ((ArticleLookup.Found) lookup).page().slug();
        return "redirect:/articles/" + current + "#comments";
    }

    @PostMapping("/articles/{slug}/comments")
    String comment(@PathVariable String slug, @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (SameOrigin.isCrossSite(request)) {
            // Another site's page tried to post in this reader's name.
            throw new ForbiddenException();
        }
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        // A reader whose page was opened before a slug change still gets their comment in.
        CommentedArticle article = articles.commentedArticle(slug).orElseThrow(NotFoundException::new);
        CommentTarget target = new CommentTarget(article.id(), article.commentsOpen(), article.publishedAt());
        if (!submissions.isOpen(target)) {
            return showAgain(HttpStatus.FORBIDDEN, "comment.closed.refused", article, form, request, response, model);
        }
        submissions.validate(target, form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(page(article), form, request, model);
        }
        SubmissionResult result = submissions.submit(target, form, request.getRemoteAddr());
        if (result instanceof SubmissionResult.RateLimited) {
            return showAgain(HttpStatus.TOO_MANY_REQUESTS, "comment.rateLimited", article, form, request, response,
                    model);
        }
        if (result instanceof SubmissionResult.Unconfirmed) {
            // Now with a token of its own: the reader sends it once more.
            return showAgain(HttpStatus.UNPROCESSABLE_CONTENT, "comment.confirm", article, form, request, response,
                    model);
        }
        if (result instanceof SubmissionResult.Closed) {
            return showAgain(HttpStatus.FORBIDDEN, "comment.closed.refused", article, form, request, response, model);
        }
        var accepted = (SubmissionResult.Accepted) result;
        if (accepted.status() == CommentStatus.APPROVED) {
            CommentNotice.PUBLISHED.send(article.slug(), request, response);
            return "redirect:" + comments.link(accepted.commentId()).orElse("/articles/" + article.slug() + "#comments");
        }
        // Spam is not announced: the sender sees the same thanks, and nothing under the article.
        if (accepted.status() == CommentStatus.PENDING) {
            // Only now does the reader get a session: to see their own comment while it waits.
            HttpSession session = request.getSession();
            Set<Long> own = ownComments(request);
            own.add(accepted.commentId());
            session.setAttribute(OWN_COMMENTS, own);
            CommentNotice.AWAITING.send(article.slug(), request, response);
            return "redirect:/articles/" + article.slug() + "#comment-" + accepted.commentId();
        }
        CommentNotice.AWAITING.send(article.slug(), request, response);
        return "redirect:/articles/" + article.slug() + "#comments";
    }

    /** The article again, the comment as typed in its form, a notice above it and a status saying it was not saved. */
    private String showAgain(HttpStatus status, String notice, CommentedArticle article, CommentForm form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("commentNotice", notice);
        return show(page(article), form, request, model);
    }

    /** The whole page of the article a comment was sent to, read only to show a refused comment on it again. */
    private ArticleLookup.Found page(CommentedArticle article) {
        ArticleLookup lookup = lookup(article.slug());
        // Its slug may have changed since the comment's article was read.
        return (ArticleLookup.Found) (lookup instanceof ArticleLookup.Moved moved ? lookup(moved.currentSlug())
                : lookup);
    }

    private String show(ArticleLookup.Found found, CommentForm form, HttpServletRequest request, Model model) {
        return show(found, form, 1, request, model);
    }

    /** The page of the comment thread asked for ({@code ?comments=2}): a number from 1, or no such page. */
    private static int threadPage(String value) {
        if (value == null) {
            return 1;
        }
        if (!value.matches("[1-9][0-9]{0,4}")) {
            throw new NotFoundException();
        }
        return Integer.parseInt(value);
    }

    private String show(ArticleLookup.Found found, CommentForm form, int threadPage, HttpServletRequest request,
            Model model) {
        ArticlePage page = found.page();
        CommentThreads.ThreadPage thread = comments.forReader(page.id(), ownComments(request), threadPage)
                .orElseThrow(NotFoundException::new);
        CommentTarget target = new CommentTarget(page.id(), page.commentsOpen(), page.publishedAt());
        model.addAttribute("article", page);
        // A live page's updates, shown with the article and cached under its key (V130 drops it when one changes);
        // read only for an article that is or was covered live.
        model.addAttribute("live", found.liveCoverage() ? live.forPage(page).orElse(null) : null);
        model.addAttribute("comments", thread.comments());
        model.addAttribute("commentPages", thread);
        model.addAttribute("commentsOpen", submissions.isOpen(target));
        model.addAttribute("commentMaxLength", submissions.maxLength());
        model.addAttribute("commentPolicyText", submissions.policyText());
        model.addAttribute("commentRepliesByEmail", submissions.offersRepliesByEmail());
        // The form object stays as bound (replacing it would drop its errors); its token is a page slot.
        model.addAttribute("commentForm", form);
        return "article/show";
    }

    /**
     * The article and the related articles it shows: an edit or withdrawal of any of them refreshes the page.
     * (Which articles are related is itself kept for minutes, see RelatedArticles, so a newly published one
     * joins other pages' related lists when those are next computed, not at once.)
     */
    private static Set<String> keys(ArticlePage page) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PageKeys.article(page.id()));
        page.related().forEach(card -> keys.add(PageKeys.article(card.id())));
        return keys;
    }

    private ArticleLookup lookup(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        ArticleLookup lookup = articles.lookup(slug);
        if (lookup instanceof ArticleLookup.Missing) {
            throw new NotFoundException();
        }
        return lookup;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> ownComments(HttpServletRequest request) {
        // Never creates a session: most readers never comment and their pages stay cacheable.
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null : session.getAttribute(OWN_COMMENTS);
        return stored instanceof Set<?> set ? new LinkedHashSet<>((Set<Long>) set) : new LinkedHashSet<>();
    }
}
