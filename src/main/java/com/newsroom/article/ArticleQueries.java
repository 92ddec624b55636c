package com.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.media.MediaLibrary;
import com.newsroom.web.paging.Cursor;
import com.newsroom.web.paging.Listing;
import com.newsroom.web.paging.PageParams;

/**
 * What readers can see: published articles only, whatever is asked for.
 * <p>
 * Reader pages are read in plain statements outside any transaction (each borrows a connection for itself, see
 * {@code config.TransactionSettings}): a read-only transaction added a round trip at each end and a persistence context
 * to open and close for every page, and nothing here needs one snapshot (cards of articles unpublished between two
 * statements are left out, see {@link #pick}). Only the staff preview reads entities, in a transaction of its own.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS)
public class ArticleQueries {

    private final Articles articles;

    private final ArticleSlugRedirects redirects;

    private final ArticleListings listings;

    private final JdbcClient jdbc;

    private final NewsroomProperties.Listing sizes;

    private final RelatedArticles relatedArticles;

    private final ArticleCards cardProjection;

    private final ArticleCorrections corrections;

    private final StructuredData structuredData;

    private final ArticlePageRows pageRows;

    private final MediaLibrary media;

    ArticleQueries(Articles articles, ArticleSlugRedirects redirects, ArticleListings listings, JdbcClient jdbc,
            NewsroomProperties properties, RelatedArticles relatedArticles, ArticleCards cards,
            ArticleCorrections corrections, StructuredData structuredData, ArticlePageRows pageRows,
            MediaLibrary media) {
        this.pageRows = pageRows;
        this.media = media;
        this.corrections = corrections;
        this.structuredData = structuredData;
        this.articles = articles;
        this.redirects = redirects;
        this.listings = listings;
        this.jdbc = jdbc;
        this.sizes = properties.listing();
        this.relatedArticles = relatedArticles;
        this.cardProjection = cards;
    }

    public Listing<ArticleCard> latest(PageParams page) {
        return cards(listings.page(ListingScope.LATEST, null, page, sizes.pageSize()));
    }

    public Listing<ArticleCard> inCategory(long categoryId, PageParams page) {
        return cards(listings.page(ListingScope.CATEGORY, categoryId, page, sizes.pageSize()));
    }

    public Listing<ArticleCard> tagged(long tagId, PageParams page) {
        return cards(listings.page(ListingScope.TAG, tagId, page, sizes.pageSize()));
    }

    public Listing<ArticleCard> byAuthor(long authorId, PageParams page) {
        return cards(listings.page(ListingScope.AUTHOR, authorId, page, sizes.pageSize()));
    }

    /** One page of the articles filed under what {@code found} names. */
    public Listing<ArticleCard> listing(TaxonomyLookup.Found found, PageParams page) {
        return cards(listings.page(found.scope(), found.id(), page, sizes.pageSize()));
    }

    /**
     * The published article's page, read as a projection in plain statements outside a persistence context (the
     * entity and the transaction around it cost more than the page's rendering); only an address that names no
     * published article (a draft, an old slug, nothing) is looked up through the entities.
     */
    public ArticleLookup lookup(String slug) {
        Optional<ArticlePageRows.Published> published = pageRows.published(slug);
        if (published.isPresent()) {
            ArticlePage page = published.get().page();
            return new ArticleLookup.Found(page.with(
                    related(page.id(), page.publishedAt(), page.updatedAt()), page.corrections(), structuredData),
                    published.get().liveCoverage());
        }
        return currentSlugOf(slug).<ArticleLookup>map(ArticleLookup.Moved::new).orElseGet(ArticleLookup.Missing::new);
    }

    /**
     * Where a public article that had this slug before now lives; empty for a slug that still names an article (a
     * draft, say) or one no public article ever had. The caller has found no published article under it.
     */
    private Optional<String> currentSlugOf(String slug) {
        if (articles.findPageBySlug(slug).isPresent()) {
            return Optional.empty();
        }
        return redirects.findByOldSlug(slug)
                .flatMap(redirect -> articles.findById(redirect.getArticleId()))
                .filter(Article::isPublic)
                .map(Article::getSlug);
    }

    /**
     * The published article a comment sent to this address is for, also under a slug it had before (a reader's
     * page may be older than a slug change); empty when the address names no published article.
     */
    public Optional<CommentedArticle> commentedArticle(String slug) {
        Optional<CommentedArticle> published = publishedForComments(slug);
        if (published.isPresent()) {
            return published;
        }
        return currentSlugOf(slug).flatMap(this::publishedForComments);
    }

    private Optional<CommentedArticle> publishedForComments(String slug) {
        return jdbc.sql("select id, slug, comments_open, published_at from published_articles where slug = :slug")
                .param("slug", slug)
                .query((rs, row) -> new CommentedArticle(rs.getLong("id"), rs.getString("slug"),
                        rs.getBoolean("comments_open"), rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    /**
     * Staff preview: the article page for any article, whatever its status, built exactly as readers
     * would get it once published. Only the admin may call this.
     */
    @Transactional(readOnly = true)
    public ArticlePage preview(long articleId) {
        Article article = articles.findById(articleId).orElseThrow(com.newsroom.web.NotFoundException::new);
        return page(article);
    }

    /** The article page's whole view model: the article, related stories, corrections and metadata. */
    private ArticlePage page(Article article) {
        return ArticlePage.of(article, related(article), corrections.forArticle(article.getId()), structuredData,
                media.picture(article.getHeroImageUrl()).orElse(null));
    }

    public HomePage home() {
        // The newest featured story, else the newest story: each one probe of its own partial index.
        List<Long> leadIds = jdbc.sql("""
                (select id from published_articles where featured
                 order by published_at desc, id desc limit 1)
                union all
                (select id from published_articles
                 order by published_at desc, id desc limit 1)
                limit 1""")
                .query(Long.class).list();
        if (leadIds.isEmpty()) {
            return new HomePage(null, List.of(), false, List.of());
        }
        long leadId = leadIds.get(0);
        // Sizes are written into the statements, not bound, so that PostgreSQL keeps a generic plan for each (see
        // ListingScope.forwardSql): with a bound limit it planned them for every home page.
        List<Long> latestIds = jdbc.sql("""
                select id from published_articles where id <> :lead
                order by published_at desc, id desc limit %d""".formatted(sizes.homeLatest() + 1))
                .param("lead", leadId)
                .query(Long.class).list();
        boolean moreLatest = latestIds.size() > sizes.homeLatest();
        if (moreLatest) {
            latestIds = latestIds.subList(0, sizes.homeLatest());
        }
        // One query for every section: the newest few of each category, straight from its index.
        Map<Long, List<Long>> sectionIds = new LinkedHashMap<>();
        jdbc.sql("""
                select c.id as category_id, a.id as article_id
                from categories c
                cross join lateral (
                    select id from published_articles
                    where primary_category_id = c.id
                    order by published_at desc, id desc limit %d) a
                order by c.position, c.name""".formatted(sizes.homePerCategory()))
                .query((rs, row) -> Map.entry(rs.getLong("category_id"), rs.getLong("article_id")))
                .list()
                .forEach(e -> sectionIds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));

        List<Long> all = new ArrayList<>(latestIds);
        all.add(leadId);
        sectionIds.values().forEach(all::addAll);
        Map<Long, ArticleCard> cards = cardProjection.byId(all);
        List<HomePage.Section> sections = sectionIds.values().stream()
                .map(ids -> pick(cards, ids))
                .filter(list -> !list.isEmpty())
                .map(list -> new HomePage.Section(list.get(0).category(), list))
                .toList();
        return new HomePage(cards.get(leadId), pick(cards, latestIds), moreLatest, sections);
    }

    /**
     * "You may also like": published articles ranked by shared tags and text similarity (see
     * {@link RelatedArticles}); never the article itself, and checked for publication as they are loaded.
     */
    List<ArticleCard> related(Article article) {
        return related(article.getId(), article.getPublishedAt(), article.getUpdatedAt());
    }

    private List<ArticleCard> related(long id, Instant publishedAt, Instant updatedAt) {
        List<Long> ids = relatedArticles.idsFor(id, publishedAt, updatedAt, sizes.related());
        return ids.isEmpty() ? List.of() : pick(cardProjection.byId(ids), ids);
    }

    /** Cards for the given articles, in that order; any not (or no longer) published are left out. */
    public List<ArticleCard> cards(List<Long> ids) {
        return pick(cardProjection.byId(ids), ids);
    }

    private Listing<ArticleCard> cards(Listing<Cursor> keys) {
        List<Long> ids = keys.items().stream().map(Cursor::id).toList();
        Map<Long, ArticleCard> cards = cardProjection.byId(ids);
        return new Listing<>(pick(cards, ids), keys.number(), keys.nextQuery(), keys.previousQuery());
    }

    /** Cards in the order of {@code ids}, skipping any that vanished between the two queries. */
    private static List<ArticleCard> pick(Map<Long, ArticleCard> cards, List<Long> ids) {
        return ids.stream().map(cards::get).filter(card -> card != null).toList();
    }
}
