package com.newsroom.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.article.ArticleCard.Ref;
import com.newsroom.article.ArticleCorrections.Correction;
import com.newsroom.article.ArticlePage.Byline;
import com.newsroom.media.Picture;

/**
 * Reads what the article page shows of a published article in one statement, section, byline, tags and
 * corrections included, without loading an {@link Article} entity: on an uncached article page the entity, its
 * collections and the persistence context around them cost more than rendering the page. Related articles and the
 * structured data are added by the caller, as for the entity.
 */
@Component
class ArticlePageRows {

    private static final String SQL = """
            select a.id, a.title, a.slug, a.dek, a.body_html, a.excerpt, a.hero_image_url, a.hero_image_alt,
                   a.hero_image_caption, a.meta_description, a.social_image_url, a.social_image_alt,
                   %s as hero_variants, a.published_at, a.updated_at, a.reading_minutes, a.comments_open,
                   a.comment_count, c.name as category_name, c.slug as category_slug,
                   array(select s.display_name from article_authors aa join staff s on s.id = aa.staff_id
                         where aa.article_id = a.id order by aa.position) as author_names,
                   array(select s.slug from article_authors aa join staff s on s.id = aa.staff_id
                         where aa.article_id = a.id order by aa.position) as author_slugs,
                   array(select s.bio from article_authors aa join staff s on s.id = aa.staff_id
                         where aa.article_id = a.id order by aa.position) as author_bios,
                   array(select t.name from article_tags at join tags t on t.id = at.tag_id
                         where at.article_id = a.id order by t.id) as tag_names,
                   array(select t.slug from article_tags at join tags t on t.id = at.tag_id
                         where at.article_id = a.id order by t.id) as tag_slugs,
                   array(select cr.created_at from article_corrections cr
                         where cr.article_id = a.id order by cr.created_at, cr.id) as correction_times,
                   array(select cr.note from article_corrections cr
                         where cr.article_id = a.id order by cr.created_at, cr.id) as correction_notes,
                   exists (select 1 from live_coverage lc where lc.article_id = a.id) as live_coverage
            from articles a join categories c on c.id = a.primary_category_id
            where a.slug = :slug and a.status = 'PUBLISHED'""".formatted(Picture.variantsColumn("a.hero_image_url"));

    private final JdbcClient jdbc;

    ArticlePageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The published article with this slug, without related articles or metadata yet, and whether it is or was
     * covered live (most never are: their page then reads no live updates).
     */
    Optional<Published> published(String slug) {
        return jdbc.sql(SQL).param("slug", slug)
                .query((rs, row) -> new Published(page(rs), rs.getBoolean("live_coverage")))
                .optional();
    }

    record Published(ArticlePage page, boolean liveCoverage) {
    }

    private static ArticlePage page(ResultSet rs) throws SQLException {
        String[] authorNames = strings(rs.getArray("author_names"));
        String[] authorSlugs = strings(rs.getArray("author_slugs"));
        String[] authorBios = strings(rs.getArray("author_bios"));
        List<Byline> authors = new ArrayList<>(authorNames.length);
        for (int i = 0; i < authorNames.length; i++) {
            authors.add(new Byline(authorNames[i], authorSlugs[i], authorBios[i]));
        }
        String[] tagNames = strings(rs.getArray("tag_names"));
        String[] tagSlugs = strings(rs.getArray("tag_slugs"));
        List<Ref> tags = new ArrayList<>(tagNames.length);
        for (int i = 0; i < tagNames.length; i++) {
            tags.add(new Ref(tagNames[i], tagSlugs[i]));
        }
        // The order the entity-built page uses.
        tags.sort(Comparator.comparing(Ref::name, String.CASE_INSENSITIVE_ORDER));
        Timestamp[] correctionTimes = (Timestamp[]) rs.getArray("correction_times").getArray();
        String[] correctionNotes = strings(rs.getArray("correction_notes"));
        List<Correction> corrections = new ArrayList<>(correctionTimes.length);
        for (int i = 0; i < correctionTimes.length; i++) {
            corrections.add(new Correction(correctionTimes[i].toInstant(), correctionNotes[i]));
        }
        var updated = rs.getTimestamp("updated_at");
        return new ArticlePage(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("dek"),
                rs.getString("body_html"), rs.getString("excerpt"), rs.getString("hero_image_url"),
                rs.getString("hero_image_alt"), rs.getString("hero_image_caption"),
                new Ref(rs.getString("category_name"), rs.getString("category_slug")), List.copyOf(authors),
                List.copyOf(tags), rs.getTimestamp("published_at").toInstant(),
                updated == null ? null : updated.toInstant(), rs.getInt("reading_minutes"),
                rs.getBoolean("comments_open"), rs.getInt("comment_count"), List.of(), List.copyOf(corrections), null,
                Picture.of(rs.getString("hero_image_url"), strings(rs.getArray("hero_variants"))),
                ArticlePage.Sharing.of(rs.getString("meta_description"), rs.getString("excerpt"), rs.getString("dek"),
                        rs.getString("social_image_url"), rs.getString("social_image_alt"),
                        rs.getString("hero_image_url"), rs.getString("hero_image_alt")));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
