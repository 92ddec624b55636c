package com.newsroom.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.article.ArticleCard;
import com.newsroom.article.ArticleQueries;

/**
 * Full-text search over published articles, as PostgreSQL does it: {@code websearch_to_tsquery} reads the
 * query the way people type it ("quoted phrases", -exclusions, or), the GIN index finds the matches, articles
 * whose title matches come first and {@code ts_rank} orders the rest. Pages are offsets over the ranked
 * matches, so they stop at {@link #MAX_PAGES}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleSearch {

    public static final int PAGE_SIZE = 10;

    public static final int MAX_PAGES = 50;

    /** Longer queries are refused rather than searched for. */
    public static final int MAX_QUERY_LENGTH = 200;

    private static final String HEADLINE_OPTIONS = Snippets.MARKERS
            + ", MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=\" … \"";

    private static final String TITLE_OPTIONS = Snippets.MARKERS + ", HighlightAll=true";

    private final JdbcClient jdbc;

    private final ArticleQueries articles;

    ArticleSearch(JdbcClient jdbc, ArticleQueries articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /**
     * @param query      what the reader typed, already checked to be non-blank and at most
     *                   {@link #MAX_QUERY_LENGTH} characters without control characters
     * @param categoryId only articles filed under this category, or null for all
     * @param page       from 1 to {@link #MAX_PAGES}
     */
    public SearchResults search(String query, Long categoryId, String categorySlug, int page) {
        if (page < 1 || page > MAX_PAGES) {
            throw new IllegalArgumentException("page " + page);
        }
        // Rank first, on the index's matches only; the costly headlines are made for the page shown.
        List<Row> rows = jdbc.sql("""
                with q as (select websearch_to_tsquery('english', :query) as query),
                ranked as (
                    select a.id, count(*) over () as total,
                           row_number() over (order by ts_filter(a.search_vector, '{a}') @@ q.query desc,
                                              ts_rank(a.search_vector, q.query) desc,
                                              a.published_at desc, a.id desc) as position
                    from articles a cross join q
                    where a.status = 'PUBLISHED' and a.search_vector @@ q.query
                      and (cast(:category as bigint) is null or a.primary_category_id = :category)
                    order by position
                    limit :limit offset :offset)
                select r.id, r.total,
                       ts_headline('english', a.title, q.query, :titleOptions) as title,
                       ts_headline('english', a.dek || ' … ' || regexp_replace(a.body_html, '<[^>]*>', ' ', 'g'),
                                   q.query, :options) as snippet
                from ranked r join articles a on a.id = r.id cross join q
                order by r.position""")
                .param("query", query)
                .param("category", categoryId)
                .param("limit", PAGE_SIZE + 1)
                .param("offset", (page - 1) * PAGE_SIZE)
                .param("titleOptions", TITLE_OPTIONS)
                .param("options", HEADLINE_OPTIONS)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("total"), rs.getString("title"),
                        rs.getString("snippet")))
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE && page < MAX_PAGES;
        List<Row> shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        List<Long> ids = shown.stream().map(Row::id).toList();
        Map<Long, Row> byId = shown.stream().collect(Collectors.toMap(Row::id, Function.identity()));
        Map<Long, ArticleCard> cards = articles.cards(ids).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        List<SearchHit> hits = ids.stream()
                .filter(cards::containsKey)
                .map(id -> new SearchHit(cards.get(id), Snippets.toHtml(byId.get(id).title()),
                        Snippets.toHtml(byId.get(id).snippet())))
                .toList();
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        return new SearchResults(query, categorySlug, hits, page, total, hasNext);
    }

    private record Row(long id, long total, String title, String snippet) {
    }
}
