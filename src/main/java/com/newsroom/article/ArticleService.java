package com.newsroom.article;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.tag.Tags;
import com.newsroom.web.NotFoundException;

/** Writes articles: the transaction boundary and the rules of the editorial lifecycle. */
@Service
@Transactional
public class ArticleService {

    private static final int EXCERPT_LENGTH = 280;

    private final Articles articles;

    private final ArticleSlugRedirects redirects;

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final MarkdownRenderer markdown;

    private final Clock clock;

    ArticleService(Articles articles, ArticleSlugRedirects redirects, Categories categories, Tags tags,
            Authors authors, MarkdownRenderer markdown, Clock clock) {
        this.articles = articles;
        this.redirects = redirects;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Creates a draft; nothing is public until it is published. */
    public Article createDraft(ArticleContent content) {
        Category category = categories.findById(content.categoryId()).orElseThrow(NotFoundException::new);
        Article article = new Article(content.title(), content.slug(), category, clock.instant());
        apply(article, content);
        return articles.save(article);
    }

    /** Publishes now, or at the given moment if it is in the past (back-dating imported stories). */
    public Article publish(long articleId, Instant at) {
        Article article = articles.findById(articleId).orElseThrow(NotFoundException::new);
        article.publish(at == null ? clock.instant() : at);
        return article;
    }

    /** Moves an article to a new slug; the old one keeps answering with a permanent redirect. */
    public Article changeSlug(long articleId, String newSlug) {
        Article article = articles.findById(articleId).orElseThrow(NotFoundException::new);
        String oldSlug = article.getSlug();
        if (oldSlug.equals(newSlug)) {
            return article;
        }
        // Taking back a slug the article once had: it is current again, not a redirect.
        redirects.deleteByOldSlug(newSlug);
        redirects.flush();
        article.renameSlug(newSlug);
        article.touch(clock.instant());
        articles.flush();
        redirects.save(new ArticleSlugRedirect(oldSlug, article.getId(), clock.instant()));
        return article;
    }

    private void apply(Article article, ArticleContent content) {
        article.describe(content.title(), content.dek(), excerptOrLead(content));
        article.writeBody(content.bodyMarkdown(), markdown.render(content.bodyMarkdown()));
        article.illustrate(content.heroImageUrl(), content.heroImageAlt(), content.heroImageCaption());
        Category category = categories.findById(content.categoryId()).orElseThrow(NotFoundException::new);
        List<Author> byline = authors.findAllById(content.authorIds());
        byline.sort((a, b) -> Integer.compare(content.authorIds().indexOf(a.getId()),
                content.authorIds().indexOf(b.getId())));
        article.fileUnder(category, new LinkedHashSet<>(tags.findAllById(content.tagIds())), byline);
        article.setFeatured(content.featured());
        article.setCommentsOpen(content.commentsOpen());
    }

    /** Listings need a summary; without one, the first paragraph's words stand in. */
    private static String excerptOrLead(ArticleContent content) {
        if (content.excerpt() != null && !content.excerpt().isBlank()) {
            return content.excerpt().strip();
        }
        String lead = content.bodyMarkdown() == null ? "" : content.bodyMarkdown().strip().split("\\n\\s*\\n", 2)[0];
        lead = lead.replaceAll("[#>*_`\\[\\]]|\\(https?://[^)]*\\)", "").replaceAll("\\s+", " ").strip();
        if (lead.length() <= EXCERPT_LENGTH) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', EXCERPT_LENGTH - 1);
        return lead.substring(0, cut > 0 ? cut : EXCERPT_LENGTH - 1) + "…";
    }
}
