package com.newsroom.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Picks the "You may also like" articles: published articles scored by the tags they share with this one
 * (one point each, counted over each tag's newest listings), by how well their text matches this one's title,
 * dek and tag words ({@code ts_rank} over the search index, up to about one point more; words common to much of
 * the archive do not count) and a little for the same category, newest first on ties. The text match finds
 * candidates of its own only when shared tags find too few. Never the article itself, never an unpublished one.
 * <p>
 * The choice is cached for a few minutes per article version, and which words are common for as long; the caller
 * loads the cards, which checks publication again at read time, so an article withdrawn since is never shown.
 */
@Component
class RelatedArticles {

    private static final Duration TTL = Duration.ofMinutes(10);

    /**
     * Articles sharing tags considered, those sharing the most first. Ranking each costs a read of its search
     * index entry, so they are few; sharing tags outweighs text anyway.
     */
    private static final int CANDIDATES = 50;

    /** Of each tag, only its newest listings are counted: a tag on 9,000 articles would cost 9,000 rows. */
    private static final int PER_TAG = 500;

    /**
     * Articles matching the text considered, newest first. The text is searched only for an article sharing its
     * tags with too few others to fill the list (untagged stories, new subjects): the text match costs more
     * than everything else.
     */
    private static final int TEXT_CANDIDATES = 200;

    /**
     * A word of the title or dek found in more articles than this says little about what a story is about, and
     * matching it would pull most of the archive into the text match (at 100,000 articles that took 700 ms a
     * list, and its newest 200 matches were simply the newest articles): it is left out of the match. Which words
     * are that common is read from the statistics PostgreSQL keeps on the search index, so a small site, whose
     * counts are all below this, never leaves a word out.
     */
    private static final int COMMON_WORD_ARTICLES = 1_000;

    private static final String COMMON_WORDS_KEY = "article_search";

    private final JdbcClient jdbc;

    /**
     * The common words, separated by spaces. The parser splits words at spaces, so a lexeme holding one is not
     * expected; should one come, it is left out of the list (and so still counts) rather than split in two. Which
     * words are that common changes only when PostgreSQL analyzes the search index again, so they are read once
     * for as long as a choice is kept. Read within each choice, from {@code pg_stats}, they took more than a third
     * of the choosing statement's time, planning included (6.5 against 4.2 ms on the bench database), paid by every
     * view of an article no cache holds.
     */
    private final LoadingCache<String, String> commonWords = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .build(key -> readCommonWords());

    private final Cache<Key, List<Long>> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(TTL)
            .build();

    /**
     * The sizes (the list's, then {@link #PER_TAG}, {@link #CANDIDATES} and {@link #TEXT_CANDIDATES}) are written
     * into the statement rather than bound, so that PostgreSQL keeps one generic plan for it. With a bound
     * {@code limit} it costed a generic plan at nearly twice a custom one and planned every choice anew, which took
     * about as long as running it. Only the article and the common words are bound. pgbench on the bench database,
     * prepared, random articles: 1.57 ms a choice planned each time, 0.76 ms with the generic plan; both picked the
     * same articles for the 43 tried, three of them with their tags removed (so chosen by their text).
     */
    private static final String CHOOSE = """
            with common_words as (
                select unnest(string_to_array(cast(:commonWords as text), ' ')) as lexeme),
            me as (
                -- An article not published (a preview) has no row in article_search: its words are computed.
                select a.id, a.primary_category_id,
                       (select websearch_to_tsquery('simple', string_agg(mine.word, ' or '))
                        from unnest(tsvector_to_array(ts_filter(
                            coalesce(s.search_vector, article_search_document(a.id, a.title, a.dek, a.body_html)),
                            '{a,b}'))) as mine(word)
                        where not exists (select 1 from common_words c where c.lexeme = mine.word)) as terms
                from articles a left join article_search s on s.article_id = a.id
                where a.id = :id),
            tagged as (
                select t.article_id as id, count(*) as shared
                from article_tags mine
                cross join lateral (
                    select t.article_id, t.listed_at from article_tags t
                    where t.tag_id = mine.tag_id and t.listed_at is not null and t.article_id <> :id
                    order by t.listed_at desc
                    limit %2$d) t
                where mine.article_id = :id
                group by t.article_id
                order by shared desc, max(t.listed_at) desc
                limit %3$d),
            similar_text as (
                select found.id from me cross join lateral (
                    select s.article_id as id from article_search s
                    where s.search_vector @@ me.terms and s.article_id <> me.id
                    order by s.published_at desc, s.article_id desc
                    limit %4$d) found
                where (select count(*) from tagged) < %1$d),
            same_category as (
                select found.id from me cross join lateral (
                    select a.id from published_articles a
                    where a.primary_category_id = me.primary_category_id and a.id <> me.id
                    order by a.published_at desc, a.id desc
                    limit %1$d) found),
            candidates as (
                select id from tagged union select id from similar_text union select id from same_category)
            -- article_search holds exactly the published articles, with all the scoring reads.
            select s.article_id
            from candidates c
            join article_search s on s.article_id = c.id
            cross join me
            left join tagged t on t.id = s.article_id
            where s.article_id <> me.id
            order by coalesce(t.shared, 0)
                     + 3 * coalesce(ts_rank(s.search_vector, me.terms, 32), 0)
                     + case when s.primary_category_id = me.primary_category_id then 0.25 else 0 end desc,
                     s.published_at desc, s.article_id desc
            limit %1$d""";

    RelatedArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(long id, Instant publishedAt, Instant updatedAt, int limit) {
    }

    /** For the article with this id, as last published and updated at these instants. */
    List<Long> idsFor(long id, Instant publishedAt, Instant updatedAt, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return cache.get(new Key(id, publishedAt, updatedAt, limit), key -> compute(key.id(), key.limit()));
    }

    /** Reads the common words again at the next choice (after an {@code analyze}, say). */
    void forgetCommonWords() {
        commonWords.invalidateAll();
    }

    private String readCommonWords() {
        return jdbc.sql("""
                select x.lexeme
                from pg_stats s
                cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                    as x(lexeme, frequency)
                cross join (select reltuples from pg_class where oid = 'article_search'::regclass) counted
                -- The frequencies array ends with three summary figures that name no word.
                where s.schemaname = current_schema() and s.tablename = 'article_search'
                  and s.attname = 'search_vector' and x.lexeme is not null
                  and x.frequency * counted.reltuples > :commonAbove""")
                .param("commonAbove", COMMON_WORD_ARTICLES)
                .query(String.class)
                .list().stream()
                .filter(word -> word.chars().noneMatch(Character::isWhitespace))
                .collect(Collectors.joining(" "));
    }

    private List<Long> compute(long id, int limit) {
        return List.copyOf(jdbc.sql(CHOOSE.formatted(limit, PER_TAG, CANDIDATES, TEXT_CANDIDATES))
                .param("id", id)
                .param("commonWords", commonWords.get(COMMON_WORDS_KEY))
                .query(Long.class)
                .list());
    }
}
