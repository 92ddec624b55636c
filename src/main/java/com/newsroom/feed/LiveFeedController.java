package com.newsroom.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.article.ArticleLookup;
import com.newsroom.article.ArticlePage;
import com.newsroom.article.ArticleQueries;
import com.newsroom.article.LiveCoverage;
import com.newsroom.cache.PageKeys;
import com.newsroom.feed.FeedWriter.Channel;
import com.newsroom.site.SiteSettings;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Slugs;

/**
 * The Atom feed of a live page's updates, at {@code /articles/<slug>/live.atom}: there for every article that is or
 * was live (a closed page's feed keeps its record), cached under the article's key like the page itself.
 */
@Controller
class LiveFeedController {

    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

    private final ArticleQueries articles;

    private final LiveCoverage live;

    private final SiteSettingsProvider settings;

    LiveFeedController(ArticleQueries articles, LiveCoverage live, SiteSettingsProvider settings) {
        this.articles = articles;
        this.live = live;
        this.settings = settings;
    }

    @GetMapping("/articles/{slug}/live.atom")
    ResponseEntity<String> updates(@PathVariable String slug, WebRequest request) {
        if (!Slugs.isValid(slug)) {
            throw new NotFoundException();
        }
        ArticleLookup lookup = articles.lookup(slug);
        if (lookup instanceof ArticleLookup.Moved moved) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(LiveCoverage.LivePage.feedPath(moved.currentSlug()))).build();
        }
        if (!(lookup instanceof ArticleLookup.Found found)) {
            throw new NotFoundException();
        }
        ArticlePage page = found.page();
        LiveCoverage.LivePage coverage = live.forArticle(page.id()).orElseThrow(NotFoundException::new);
        PageKeys.add(PageKeys.article(page.id()));
        SiteSettings site = settings.current();
        Instant updated = coverage.updates().stream()
                .map(u -> u.editedAt() == null ? u.postedAt() : u.editedAt())
                .max(Instant::compareTo)
                .orElse(coverage.startedAt());
        if (coverage.endedAt() != null && coverage.endedAt().isAfter(updated)) {
            updated = coverage.endedAt();
        }
        String path = "/articles/" + page.slug();
        String body = FeedWriter.writeLive(new Channel(page.title() + " — " + site.name(),
                page.dek() == null || page.dek().isBlank() ? page.title() : page.dek(), path,
                LiveCoverage.LivePage.feedPath(page.slug())), page.slug(), coverage.updates(), site, updated);
        String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .lastModified(updated)
                .contentType(new MediaType(MediaType.parseMediaType(FeedWriter.Format.ATOM.mediaType),
                        StandardCharsets.UTF_8))
                .cacheControl(CACHE)
                .body(body);
    }
}
