package com.newsroom.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.article.ArticleCard.Ref;
import com.newsroom.media.Picture;

/**
 * Loads listing cards as a narrow projection: only the columns a card shows, never the Markdown and HTML bodies
 * (several kilobytes each) an {@link Article} entity would carry, with the section and the byline in the same
 * statement, so a page of cards costs one query whatever its size.
 */
@Component
class ArticleCards {

    /**
     * The bylines are read for all the cards at once and grouped, not by a subquery per card: two per card (names,
     * slugs) joined the staff table again each time, and on the home page's 93 cards cost 1.5 ms of the database's
     * time, three quarters of the statement.
     */
    private static final String SQL = """
            select a.id, a.title, a.slug, a.dek, a.excerpt, a.hero_image_url, a.hero_image_alt, a.published_at,
                   %s as hero_variants,
                   a.reading_minutes, a.comment_count, a.featured, c.name as category_name, c.slug as category_slug,
                   coalesce(byline.names, '{}') as author_names, coalesce(byline.slugs, '{}') as author_slugs
            from articles a
            join categories c on c.id = a.primary_category_id
            left join (select aa.article_id, array_agg(s.display_name order by aa.position) as names,
                              array_agg(s.slug order by aa.position) as slugs
                       from article_authors aa join staff s on s.id = aa.staff_id
                       where aa.article_id in (:ids)
                       group by aa.article_id) byline on byline.article_id = a.id
            where a.id in (:ids) and a.status = 'PUBLISHED'""".formatted(Picture.variantsColumn("a.hero_image_url"));

    private final JdbcClient jdbc;

    ArticleCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The published ones among {@code ids}, by id; any not (or no longer) published are left out. */
    Map<Long, ArticleCard> byId(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SQL).param("ids", List.copyOf(ids)).query((rs, row) -> card(rs)).list().stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
    }

    private static ArticleCard card(ResultSet rs) throws SQLException {
        return new ArticleCard(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("dek"),
                rs.getString("excerpt"), rs.getString("hero_image_url"), rs.getString("hero_image_alt"),
                new Ref(rs.getString("category_name"), rs.getString("category_slug")),
                refs(rs.getArray("author_names"), rs.getArray("author_slugs")),
                rs.getTimestamp("published_at").toInstant(), rs.getInt("reading_minutes"), rs.getInt("comment_count"),
                rs.getBoolean("featured"),
                Picture.of(rs.getString("hero_image_url"), (String[]) rs.getArray("hero_variants").getArray()));
    }

    private static List<Ref> refs(Array names, Array slugs) throws SQLException {
        String[] nameValues = (String[]) names.getArray();
        String[] slugValues = (String[]) slugs.getArray();
        List<Ref> refs = new ArrayList<>(nameValues.length);
        for (int i = 0; i < nameValues.length; i++) {
            refs.add(new Ref(nameValues[i], slugValues[i]));
        }
        return List.copyOf(refs);
    }
}
