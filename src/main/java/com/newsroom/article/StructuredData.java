package com.newsroom.article;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.newsroom.site.SiteSettings;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.PlainText;

/**
 * schema.org descriptions of pages as JSON-LD, written by Jackson and made safe to sit inside a
 * {@code <script>} element: {@code <}, {@code >} and {@code &} are written as JSON escapes, so no title can
 * close the element early. Built from the page's own view model ({@link ArticlePage}), so it costs no query.
 */
@Component
class StructuredData {

    /** Where the publisher's logo lives, relative to the site. */
    static final String LOGO_PATH = "/img/favicon.svg";

    private final JsonMapper json;

    private final SiteSettingsProvider settings;

    StructuredData(JsonMapper json, SiteSettingsProvider settings) {
        this.json = json;
        this.settings = settings;
    }

    /** A NewsArticle: headline, dates, authors, image, publisher and the page it is the main entity of. */
    String newsArticle(ArticlePage article) {
        return scriptSafe(json.writeValueAsString(newsArticleData(article)));
    }

    /**
     * A live page: the NewsArticle's description as a LiveBlogPosting, with its coverage times and its updates as
     * BlogPosting items, newest first as the page shows them.
     */
    String liveBlogPosting(ArticlePage article, LiveCoverage.LivePage live) {
        Map<String, Object> data = newsArticleData(article);
        data.put("@type", "LiveBlogPosting");
        data.put("coverageStartTime", iso(live.startedAt()));
        if (live.endedAt() != null) {
            data.put("coverageEndTime", iso(live.endedAt()));
        }
        // The page changes with every update: its latest one dates the page.
        Instant modified = modified(article);
        live.updates().stream().map(u -> u.editedAt() == null ? u.postedAt() : u.editedAt())
                .max(Instant::compareTo)
                .filter(latest -> modified == null || latest.isAfter(modified))
                .ifPresent(latest -> data.put("dateModified", iso(latest)));
        String url = settings.current().baseUrl() + "/articles/" + article.slug();
        data.put("liveBlogUpdate", live.updates().stream().map(update -> {
            String text = update.text();
            Map<String, Object> posting = new LinkedHashMap<>();
            posting.put("@type", "BlogPosting");
            posting.put("headline", PlainText.excerpt(text, 110));
            posting.put("url", url + "#update-" + update.id());
            posting.put("datePublished", iso(update.postedAt()));
            if (update.editedAt() != null) {
                posting.put("dateModified", iso(update.editedAt()));
            }
            posting.put("author", Map.of("@type", "Person", "name", update.authorName()));
            posting.put("articleBody", text);
            return posting;
        }).toList());
        return scriptSafe(json.writeValueAsString(data));
    }

    private Map<String, Object> newsArticleData(ArticlePage article) {
        SiteSettings site = settings.current();
        String base = site.baseUrl();
        String url = base + "/articles/" + article.slug();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        data.put("url", url);
        data.put("headline", article.title());
        String description = article.sharing() == null ? null : article.sharing().description();
        if (description != null && !description.isBlank()) {
            data.put("description", description);
        }
        String image = article.sharing() == null ? article.heroImageUrl() : article.sharing().imageUrl();
        if (image != null && !image.isBlank()) {
            data.put("image", List.of(absolute(base, image)));
        }
        if (article.publishedAt() != null) {
            data.put("datePublished", iso(article.publishedAt()));
        }
        if (modified(article) != null) {
            data.put("dateModified", iso(modified(article)));
        }
        data.put("author", article.authors().stream()
                .map(author -> Map.of("@type", "Person", "name", author.name(), "url", base + "/author/" + author.slug()))
                .toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", site.name());
        publisher.put("url", base + "/");
        publisher.put("logo", Map.of("@type", "ImageObject", "url", base + LOGO_PATH));
        data.put("publisher", publisher);
        data.put("articleSection", article.category().name());
        if (!article.tags().isEmpty()) {
            data.put("keywords", article.tags().stream().map(ArticleCard.Ref::name).toList());
        }
        // Corrections and updates readers see on the page, as schema.org CorrectionComment.
        List<Map<String, Object>> notes = article.corrections().stream()
                .map(c -> {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("@type", "CorrectionComment");
                    note.put("text", c.note());
                    note.put("datePublished", iso(c.at()));
                    return note;
                })
                .toList();
        if (!notes.isEmpty()) {
            data.put("correction", notes);
        }
        return data;
    }

    /** When the article last changed: never before it was published. */
    String modifiedIso(ArticlePage article) {
        return iso(modified(article));
    }

    private static Instant modified(ArticlePage article) {
        // A draft in preview has no publication date yet.
        if (article.publishedAt() == null) {
            return article.updatedAt();
        }
        if (article.updatedAt() == null || article.updatedAt().isBefore(article.publishedAt())) {
            return article.publishedAt();
        }
        return article.updatedAt();
    }

    /** Escapes what could end a script element or start markup; JSON parsers read the escapes back unchanged. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String absolute(String base, String url) {
        return url.startsWith("/") ? base + url : url;
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
