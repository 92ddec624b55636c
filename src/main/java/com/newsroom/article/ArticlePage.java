package com.newsroom.article;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.newsroom.article.ArticleCard.Ref;
import com.newsroom.media.Picture;

/** Everything the article page shows about the article itself. */
public record ArticlePage(long id, String title, String slug, String dek, String bodyHtml, String excerpt,
        String heroImageUrl, String heroImageAlt, String heroImageCaption, Ref category, List<Byline> authors,
        List<Ref> tags, Instant publishedAt, Instant updatedAt, int readingMinutes, boolean commentsOpen,
        int commentCount, List<ArticleCard> related, List<ArticleCorrections.Correction> corrections,
        Metadata metadata, Picture heroPicture, Sharing sharing) {

    /** Edits within this window after publication are not announced as an update. */
    private static final Duration UPDATE_THRESHOLD = Duration.ofMinutes(5);

    /**
     * What the page's head says about the article for machines: when it last changed and its schema.org
     * description (JSON-LD, safe inside a script element).
     */
    public record Metadata(String modifiedIso, String jsonLd) {
    }

    /**
     * How a link to the article looks where it is shared (meta description, Open Graph and Twitter cards,
     * schema.org): the article's own meta description and social image, else its excerpt (or dek) and hero.
     */
    public record Sharing(String description, String imageUrl, String imageAlt) {

        static Sharing of(String metaDescription, String excerpt, String dek, String socialImageUrl,
                String socialImageAlt, String heroImageUrl, String heroImageAlt) {
            String description = !blank(metaDescription) ? metaDescription : !blank(excerpt) ? excerpt : dek;
            return blank(socialImageUrl) ? new Sharing(description, blank(heroImageUrl) ? null : heroImageUrl,
                    heroImageAlt) : new Sharing(description, socialImageUrl, socialImageAlt);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** An author on the byline, with the bio shown at the foot of the article. */
    public record Byline(String name, String slug, String bio) {
    }

    /**
     * The byline as every listing passes it to the byline fragment: one type there keeps its compiled expressions
     * compiled (an expression meeting a second type is compiled again, on every switch).
     */
    public List<Ref> bylineRefs() {
        return authors.stream().map(author -> new Ref(author.name(), author.slug())).toList();
    }

    /** Whether to show "Updated" beside the publication date. */
    public boolean isUpdated() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt.plus(UPDATE_THRESHOLD));
    }

    static ArticlePage of(Article article, List<ArticleCard> related,
            List<ArticleCorrections.Correction> corrections, StructuredData structuredData, Picture heroPicture) {
        ArticlePage page = new ArticlePage(article.getId(), article.getTitle(), article.getSlug(), article.getDek(),
                article.getBodyHtml(), article.getExcerpt(), article.getHeroImageUrl(), article.getHeroImageAlt(),
                article.getHeroImageCaption(),
                new Ref(article.getPrimaryCategory().getName(), article.getPrimaryCategory().getSlug()),
                article.getAuthors().stream().map(a -> new Byline(a.getDisplayName(), a.getSlug(), a.getBio())).toList(),
                article.getTags().stream().map(t -> new Ref(t.getName(), t.getSlug()))
                        .sorted(Comparator.comparing(Ref::name, String.CASE_INSENSITIVE_ORDER)).toList(),
                article.getPublishedAt(), article.getUpdatedAt(), article.getReadingMinutes(),
                article.isCommentsOpen(), article.getCommentCount(), related, corrections, null, heroPicture,
                Sharing.of(article.getMetaDescription(), article.getExcerpt(), article.getDek(),
                        article.getSocialImageUrl(), article.getSocialImageAlt(), article.getHeroImageUrl(),
                        article.getHeroImageAlt()));
        return page.with(new Metadata(structuredData.modifiedIso(page), structuredData.newsArticle(page)));
    }

    /** This page (read without its related articles) with them, these corrections and its metadata. */
    ArticlePage with(List<ArticleCard> related, List<ArticleCorrections.Correction> corrections,
            StructuredData structuredData) {
        ArticlePage page = new ArticlePage(id, title, slug, dek, bodyHtml, excerpt, heroImageUrl, heroImageAlt,
                heroImageCaption, category, authors, tags, publishedAt, updatedAt, readingMinutes, commentsOpen,
                commentCount, related, corrections, null, heroPicture, sharing);
        return page.with(new Metadata(structuredData.modifiedIso(page), structuredData.newsArticle(page)));
    }

    private ArticlePage with(Metadata metadata) {
        return new ArticlePage(id, title, slug, dek, bodyHtml, excerpt, heroImageUrl, heroImageAlt,
                heroImageCaption, category, authors, tags, publishedAt, updatedAt, readingMinutes, commentsOpen,
                commentCount, related, corrections, metadata, heroPicture, sharing);
    }
}
