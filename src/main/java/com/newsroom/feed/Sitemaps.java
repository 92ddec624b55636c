package com.newsroom.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsroom.site.SiteSettings;

/**
 * Writes the sitemaps with a StAX writer as rows arrive, so no page is ever built in memory. Article pages
 * are ranges of article ids ({@code sitemapPageSize} ids each), so each page is one primary-key range scan
 * however many articles there are; ranges holding no published article are left out of the index.
 */
@Component
@Transactional(readOnly = true)
class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    /** Google News reads articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    static final int NEWS_LIMIT = 1000;

    private final JdbcClient jdbc;

    private final int pageSize;

    private final Clock clock;

    static final Duration PAGES_TTL = Duration.ofMinutes(5);

    private final Cache<List<Object>, List<Page>> articlePages = Caffeine.newBuilder()
            .maximumSize(4)
            .expireAfterWrite(PAGES_TTL)
            .build();

    Sitemaps(JdbcClient jdbc, FeedProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.pageSize = properties.sitemapPageSize();
        this.clock = clock;
    }

    /** A page of a paged sitemap that holds at least one URL, with its newest change. */
    record Page(long number, Instant lastModified) {
    }

    /**
     * The article pages and their last changes read every published article, so they are kept for a few
     * minutes, and recomputed at once when an article is added or published (the signature: the highest
     * article id and the newest publication, each one index probe). An edit or withdrawal shows in the
     * index's lastmod within {@link #PAGES_TTL}; the pages themselves are always read fresh.
     */
    List<Page> articlePages() {
        List<Object> signature = jdbc.sql("""
                select (select max(id) from articles),
                       (select max(published_at) from published_articles)""")
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getObject(1), rs.getObject(2)))
                .single();
        return articlePages.get(signature, key -> readArticlePages());
    }

    private List<Page> readArticlePages() {
        return jdbc.sql("""
                select (id - 1) / :size + 1 as page, max(greatest(published_at, updated_at)) as last_modified
                from published_articles group by 1 order by 1""")
                .param("size", pageSize)
                .query((rs, n) -> new Page(rs.getLong("page"), instant(rs, "last_modified")))
                .list();
    }

    List<Page> tagPages() {
        return jdbc.sql("""
                select (t.id - 1) / :size + 1 as page, max(l.listed_at) as last_modified
                from tags t cross join lateral (%s) l
                group by 1 order by 1""".formatted(newestTagged("t.id")))
                .param("size", pageSize)
                .query((rs, n) -> new Page(rs.getLong("page"), instant(rs, "last_modified")))
                .list();
    }

    Instant newestPublication() {
        return jdbc.sql("select max(published_at) from published_articles")
                .query((rs, n) -> instant(rs, 1)).optional().orElse(null);
    }

    boolean hasArticlePage(long page) {
        return jdbc.sql("""
                select exists (select 1 from published_articles where id > :from and id <= :to)""")
                .param("from", (page - 1) * pageSize).param("to", page * pageSize)
                .query(Boolean.class).single();
    }

    boolean hasTagPage(long page) {
        return jdbc.sql("""
                select exists (select 1 from tags t cross join lateral (%s) l where t.id > :from and t.id <= :to)"""
                .formatted(newestTagged("t.id")))
                .param("from", (page - 1) * pageSize).param("to", page * pageSize)
                .query(Boolean.class).single();
    }

    void writeIndex(XMLStreamWriter xml, SiteSettings site) throws XMLStreamException {
        String base = site.baseUrl();
        start(xml, "sitemapindex", false);
        sitemap(xml, base + "/sitemap-sections.xml", newestPublication());
        for (Page page : articlePages()) {
            sitemap(xml, base + "/sitemap-articles-" + page.number() + ".xml", page.lastModified());
        }
        for (Page page : tagPages()) {
            sitemap(xml, base + "/sitemap-tags-" + page.number() + ".xml", page.lastModified());
        }
        sitemap(xml, base + "/sitemap-news.xml", null);
        end(xml);
    }

    /** The front page, the latest-news listing and every category and author page with a published article. */
    void writeSections(XMLStreamWriter xml, SiteSettings site) throws XMLStreamException {
        String base = site.baseUrl();
        start(xml, "urlset", false);
        Instant newest = newestPublication();
        url(xml, base + "/", newest);
        url(xml, base + "/latest", newest);
        jdbc.sql("""
                select c.slug, l.published_at from categories c
                cross join lateral (select published_at from published_articles
                                    where primary_category_id = c.id
                                    order by published_at desc, id desc limit 1) l
                order by c.position, c.name""")
                .query((RowCallbackHandler) rs -> write(xml, base + "/category/" + rs.getString("slug"), instant(rs, "published_at")));
        jdbc.sql("""
                select s.slug, l.listed_at from staff s
                cross join lateral (select listed_at from article_authors
                                    where staff_id = s.id and listed_at is not null
                                    order by listed_at desc, article_id desc limit 1) l
                order by s.id""")
                .query((RowCallbackHandler) rs -> write(xml, base + "/author/" + rs.getString("slug"), instant(rs, "listed_at")));
        end(xml);
    }

    void writeArticles(XMLStreamWriter xml, SiteSettings site, long page) throws XMLStreamException {
        String base = site.baseUrl();
        start(xml, "urlset", false);
        jdbc.sql("""
                select slug, greatest(published_at, updated_at) as last_modified from published_articles
                where id > :from and id <= :to order by id""")
                .param("from", (page - 1) * pageSize).param("to", page * pageSize)
                .query((RowCallbackHandler) rs -> write(xml, base + "/articles/" + rs.getString("slug"), instant(rs, "last_modified")));
        end(xml);
    }

    void writeTags(XMLStreamWriter xml, SiteSettings site, long page) throws XMLStreamException {
        String base = site.baseUrl();
        start(xml, "urlset", false);
        jdbc.sql("""
                select t.slug, l.listed_at from tags t cross join lateral (%s) l
                where t.id > :from and t.id <= :to order by t.id""".formatted(newestTagged("t.id")))
                .param("from", (page - 1) * pageSize).param("to", page * pageSize)
                .query((RowCallbackHandler) rs -> write(xml, base + "/tag/" + rs.getString("slug"), instant(rs, "listed_at")));
        end(xml);
    }

    /** Articles published in the last 48 hours, newest first, in Google News' format. */
    void writeNews(XMLStreamWriter xml, SiteSettings site) throws XMLStreamException {
        String base = site.baseUrl();
        start(xml, "urlset", true);
        jdbc.sql("""
                select slug, title, published_at from published_articles
                where published_at >= :since and published_at <= :now
                order by published_at desc, id desc limit :limit""")
                .param("since", Timestamp.from(clock.instant().minus(NEWS_WINDOW)))
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", NEWS_LIMIT)
                .query((RowCallbackHandler) rs -> {
                    try {
                        xml.writeStartElement(SITEMAP_NS, "url");
                        element(xml, SITEMAP_NS, "loc", base + "/articles/" + rs.getString("slug"));
                        xml.writeStartElement(NEWS_NS, "news");
                        xml.writeStartElement(NEWS_NS, "publication");
                        element(xml, NEWS_NS, "name", site.name());
                        element(xml, NEWS_NS, "language", "en");
                        xml.writeEndElement();
                        element(xml, NEWS_NS, "publication_date", w3c(instant(rs, "published_at")));
                        element(xml, NEWS_NS, "title", rs.getString("title"));
                        xml.writeEndElement();
                        xml.writeEndElement();
                    }
                    catch (XMLStreamException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
        end(xml);
    }

    private static String newestTagged(String tagId) {
        return """
                select listed_at from article_tags where tag_id = %s and listed_at is not null
                order by listed_at desc, article_id desc limit 1""".formatted(tagId);
    }

    private static void start(XMLStreamWriter xml, String root, boolean news) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(SITEMAP_NS);
        xml.writeStartElement(SITEMAP_NS, root);
        xml.writeDefaultNamespace(SITEMAP_NS);
        if (news) {
            xml.setPrefix("news", NEWS_NS);
            xml.writeNamespace("news", NEWS_NS);
        }
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void sitemap(XMLStreamWriter xml, String loc, Instant lastModified) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, "sitemap");
        element(xml, SITEMAP_NS, "loc", loc);
        if (lastModified != null) {
            element(xml, SITEMAP_NS, "lastmod", w3c(lastModified));
        }
        xml.writeEndElement();
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastModified) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, "url");
        element(xml, SITEMAP_NS, "loc", loc);
        if (lastModified != null) {
            element(xml, SITEMAP_NS, "lastmod", w3c(lastModified));
        }
        xml.writeEndElement();
    }

    private static void write(XMLStreamWriter xml, String loc, Instant lastModified) {
        try {
            url(xml, loc, lastModified);
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void element(XMLStreamWriter xml, String ns, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
