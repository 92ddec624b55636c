package com.newsroom.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.newsroom.article.ArticleCard;
import com.newsroom.article.ArticleQueries;

/**
 * Full-text search over published articles, as PostgreSQL does it: {@code websearch_to_tsquery} reads the
 * query the way people type it ("quoted phrases", -exclusions, or), the GIN index finds the matches, articles
 * whose title matches come first and {@code ts_rank} orders the rest. Ranking reads a bounded set of
 * candidates (see {@link #CANDIDATES}); pages are offsets over it, so they stop at {@link #MAX_PAGES}.
 * <p>
 * A search is two plain statements outside any transaction, as reader pages are read (see {@code ArticleQueries}):
 * the ranked page, then its cards, which leave out an article unpublished in between.
 */
@Service
public class ArticleSearch {

    public static final int PAGE_SIZE = 10;

    public static final int MAX_PAGES = 50;

    /** Longer queries are refused rather than searched for. */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * Ranking reads at most this many of the newest matching articles, plus the newest
     * {@link #TITLE_CANDIDATES} whose title matches, so a word found in every article costs what a rare one
     * does. News readers mostly want recent stories; older ones are a category filter or a longer query away.
     */
    static final int CANDIDATES = MAX_PAGES * PAGE_SIZE;

    static final int TITLE_CANDIDATES = 100;

    /**
     * A passage is looked for in the dek and the opening of the body, this many characters of its HTML (a tag cut in
     * half at the end is dropped), about the dek and two paragraphs (see {@link Passages}). Stories say what they are
     * about early; where the words come later, the passage is the story's opening, which reads as well in a list of
     * results.
     */
    static final int SNIPPET_BODY_CHARS = 1_200;

    private static final Pattern HYPHENATED = Pattern.compile("\\p{L}-\\p{L}");

    /**
     * %s is the newest-first sort key of the candidates. Each candidate is tested and ranked where it is found, in
     * {@code article_search}, whose documents are stored inline (V150): the ranking reads nothing more.
     */
    private static final String SQL = """
            with candidates as (
                (select s.article_id as id, s.published_at,
                        s.title_vector @@ websearch_to_tsquery('english', :query) as in_title,
                        ts_rank(s.search_vector, websearch_to_tsquery('english', :query)) as rank
                 from article_search s
                 where s.search_vector @@ websearch_to_tsquery('english', :query)
                   and (cast(:category as bigint) is null or s.primary_category_id = :category)
                 order by %1$s desc, s.article_id desc
                 limit :recent)
                union
                (select s.article_id, s.published_at, true,
                        ts_rank(s.search_vector, websearch_to_tsquery('english', :query))
                 from article_search s
                 where s.title_vector @@ websearch_to_tsquery('english', :query) %2$s
                   and (cast(:category as bigint) is null or s.primary_category_id = :category)
                 order by %1$s desc, s.article_id desc
                 limit :titled)),
            ranked as (
                select c.id, count(*) over () as total,
                       row_number() over (order by c.in_title desc, c.rank desc, c.published_at desc, c.id desc)
                           as position
                from candidates c
                order by position
                limit :limit offset :offset)
            select r.id, r.total, querytree(websearch_to_tsquery('english', :query)) as lexemes,
                   case when r.position <= :lastShown then
                       a.dek || ' ' || regexp_replace(left(a.body_html, :bodyChars), '<[^>]*(>|$)', ' ', 'g')
                   end as opening
            from ranked r join articles a on a.id = r.id
            order by r.position""";

    /** The title branch's test of the whole document: needed only where a query excludes words (see below). */
    private static final String WHOLE_DOCUMENT_MATCHES =
            "and s.search_vector @@ websearch_to_tsquery('english', :query)";

    private final JdbcClient jdbc;

    private final ArticleQueries articles;

    ArticleSearch(DataSource dataSource, ArticleQueries articles) {
        // Each search is planned for its own words: a cached generic plan would read a rare word newest first.
        this.jdbc = JdbcClient.create(new CustomPlanJdbcTemplate(dataSource));
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
        List<Row> rows = jdbc.sql(SQL.formatted(isPhrase(query) ? "s.published_at + interval '0 seconds'"
                : "s.published_at", mayExclude(query) ? WHOLE_DOCUMENT_MATCHES : ""))
                .param("query", query)
                .param("category", categoryId)
                .param("recent", CANDIDATES)
                .param("titled", TITLE_CANDIDATES)
                .param("limit", PAGE_SIZE + 1)
                .param("offset", (page - 1) * PAGE_SIZE)
                .param("lastShown", page * PAGE_SIZE)
                .param("bodyChars", SNIPPET_BODY_CHARS)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("total"), rs.getString("lexemes"),
                        rs.getString("opening")))
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE && page < MAX_PAGES;
        List<Row> shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        List<Long> ids = shown.stream().map(Row::id).toList();
        Map<Long, Row> byId = shown.stream().collect(Collectors.toMap(Row::id, Function.identity()));
        Map<Long, ArticleCard> cards = articles.cards(ids).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        Passages.Lexemes lexemes = Passages.lexemes(rows.isEmpty() ? null : rows.get(0).lexemes());
        List<SearchHit> hits = ids.stream()
                .filter(cards::containsKey)
                .map(id -> new SearchHit(cards.get(id), Snippets.titleToHtml(cards.get(id).title(), lexemes),
                        Snippets.passageToHtml(byId.get(id).opening(), lexemes)))
                .toList();
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        boolean more = total >= CANDIDATES;
        return new SearchResults(query, categorySlug, hits, page, more ? CANDIDATES : total, more, hasNext);
    }

    /**
     * Phrases ("digital twin", or hyphenated words) are estimated as common as their words together and
     * often are far rarer; reading them newest first could scan every article, so their candidates are
     * collected through the GIN index instead (the sort expression keeps the planner off the date index).
     */
    static boolean isPhrase(String query) {
        return query.indexOf('"') >= 0 || HYPHENATED.matcher(query).find();
    }

    /**
     * Whether the query may exclude words ({@code -word}). Without an exclusion, an article whose title matches
     * matches its whole document too: the document begins with the title's words at the same positions (see
     * {@code article_search_document}), and a query of words, phrases and "or" only ever gains matches from more
     * words. Only an excluded word found beyond the title can undo a title match, so only then does the title
     * branch test the whole document ({@link #WHOLE_DOCUMENT_MATCHES}). That test was a sixth to a third of the
     * statement on the bench's 100,000 articles: "bank fraud" (253 title matches) 2.2 ms with it, 1.85 without;
     * "market" (41,125) 1.70 and 1.16 ms.
     */
    static boolean mayExclude(String query) {
        return query.indexOf('-') >= 0;
    }

    private record Row(long id, long total, String lexemes, String opening) {
    }
}
