package com.newsroom.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.article.ListingScope;
import com.newsroom.article.Taxonomy;
import com.newsroom.article.TaxonomyLookup;
import com.newsroom.cache.PageKeys;
import com.newsroom.feed.FeedWriter.Channel;
import com.newsroom.feed.FeedWriter.Format;
import com.newsroom.site.SiteSettings;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.NotFoundException;

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

    private final Taxonomy taxonomy;

    private final Clock clock;

    FeedController(FeedArticles articles, FeedProperties properties, SiteSettingsProvider settings,
            Taxonomy taxonomy, Clock clock) {
        this.articles = articles;
        this.properties = properties;
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @GetMapping("/feed.{format:atom|rss}")
    ResponseEntity<String> site(@PathVariable String format, WebRequest request) {
        SiteSettings site = settings.current();
        PageKeys.add(PageKeys.FEED);
        return feed(Format.of(format), new Channel(site.name(), site.tagline(), "/", "/feed." + format),
                ListingScope.LATEST,
                null, request);
    }

    @GetMapping("/category/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> category(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        return feed(taxonomy.category(slug), format, request);
    }

    @GetMapping("/tag/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> tag(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        return feed(taxonomy.tag(slug), format, request);
    }

    @GetMapping("/author/{slug}/feed.{format:atom|rss}")
    ResponseEntity<String> author(@PathVariable String slug, @PathVariable String format, WebRequest request) {
        return feed(taxonomy.author(slug), format, request);
    }

    /** The feed of a listing; a renamed category's old feed address answers 301, as its page does. */
    private ResponseEntity<String> feed(TaxonomyLookup lookup, String format, WebRequest request) {
        if (lookup instanceof TaxonomyLookup.Moved moved) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(moved.path() + "/feed." + format)).build();
        }
        if (!(lookup instanceof TaxonomyLookup.Found found)) {
            throw new NotFoundException();
        }
        // A listing's feed is cached with its listing page's key: both change together.
        PageKeys.add(switch (found.scope()) {
            case CATEGORY -> PageKeys.category(found.slug());
            case TAG -> PageKeys.tag(found.slug());
            case AUTHOR -> PageKeys.author(found.slug());
            case LATEST -> PageKeys.FEED;
        });
        String description = found.description().isBlank() && found.scope() == ListingScope.AUTHOR
                ? "Stories by " + found.name() + "." : found.description();
        return feed(Format.of(format), channel(found.name(), description, found.path(), format), found.scope(),
                found.id(), request);
    }

    private Channel channel(String name, String description, String path, String format) {
        return new Channel(name + " — " + settings.current().name(),
                description.isBlank() ? name : description, path, path + "/feed." + format);
    }

    private ResponseEntity<String> feed(Format format, Channel channel, ListingScope scope, Long owner,
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
}
