package com.newsroom.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.author.Authors;
import com.newsroom.cache.PageKeys;
import com.newsroom.category.Categories;
import com.newsroom.feed.FeedArticles.Scope;
import com.newsroom.feed.FeedWriter.Channel;
import com.newsroom.feed.FeedWriter.Format;
import com.newsroom.site.SiteSettings;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.tag.Tags;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Slugs;

/**
 * Atom ({@code .atom}) and RSS 2.0 ({@code .rss}) feeds of the newest published articles: the whole site at
 * {@code /feed}, and each category, tag and author at {@code <its page>/feed}. Conditional GETs are answered
 * by entity tag (a digest of the document), so feed readers fetch a feed only when it changed.
 */
@Controller
class FeedController {

    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

    private final FeedArticles articles;

    private final FeedProperties properties;

    private final SiteSettingsProvider settings;

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final Clock clock;

    FeedController(FeedArticles articles, FeedProperties properties, SiteSettingsProvider settings,
            Categories categories, Tags tags, Authors authors, Clock clock) {
        this.articles = articles;
        this.properties = properties;
        this.settings = settings;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.clock = clock;
    }

    @GetMapping("/feed.{format:atom|rss}")
    ResponseEntity<String> site(@PathVariable String format, WebRequest request) {
        SiteSettings site = settings.current();
        PageKeys.add(PageKeys.FEED);
        return feed(Format.of(format), new Channel(site.name(), site.tagline(), "/", "/feed." + format), Scope.SITE,
                null, request);
    }

    @GetMapping("/category/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> category(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        var category = categories.findBySlug(checked(slug)).orElseThrow(NotFoundException::new);
        String path = "/category/" + category.getSlug();
        PageKeys.add(PageKeys.category(category.getSlug()));
        return feed(Format.of(format), channel(category.getName(), category.getDescription(), path, format),
                Scope.CATEGORY, category.getId(), request);
    }

    @GetMapping("/tag/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> tag(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        var tag = tags.findBySlug(checked(slug)).orElseThrow(NotFoundException::new);
        String path = "/tag/" + tag.getSlug();
        PageKeys.add(PageKeys.tag(tag.getSlug()));
        String description = tag.getDescription().isBlank() ? "Stories tagged “" + tag.getName() + "”."
                : tag.getDescription();
        return feed(Format.of(format), channel(tag.getName(), description, path, format), Scope.TAG, tag.getId(),
                request);
    }

    @GetMapping("/author/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> author(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        var author = authors.findBySlug(checked(slug)).orElseThrow(NotFoundException::new);
        String path = "/author/" + author.getSlug();
        PageKeys.add(PageKeys.author(author.getSlug()));
        String description = author.getBio().isBlank() ? "Stories by " + author.getDisplayName() + "."
                : author.getBio();
        return feed(Format.of(format), channel(author.getDisplayName(), description, path, format), Scope.AUTHOR,
                author.getId(), request);
    }

    private Channel channel(String name, String description, String path, String format) {
        return new Channel(name + " — " + settings.current().name(),
                description.isBlank() ? name : description, path, path + "/feed." + format);
    }

    private ResponseEntity<String> feed(Format format, Channel channel, Scope scope, Long owner,
            WebRequest request) {
        List<FeedArticle> newest = articles.newest(scope, owner, properties.size());
        Instant updated = FeedWriter.updated(newest, clock.instant());
        String body = FeedWriter.write(format, channel, newest, settings.current(), properties.fullContent(),
                updated);
        // The tag is the document's own digest: a withdrawn article changes it even though no date moves.
        String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .lastModified(updated)
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType), StandardCharsets.UTF_8))
                .cacheControl(CACHE)
                .body(body);
    }

    private static String checked(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        return slug;
    }
}
