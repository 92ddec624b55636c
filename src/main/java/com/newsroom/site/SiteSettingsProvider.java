package com.newsroom.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import com.newsroom.cache.ContentChanged;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.config.NewsroomProperties.SocialLink;

/**
 * The current site settings: what administrators saved (table site_settings), falling back to configuration
 * ({@code newsroom.site.*}) until they do. Kept in memory until content changes anywhere (ContentChanged, fed by database
 * notifications), so other instances see a change at once.
 */
@Component
public class SiteSettingsProvider {

    private static final Logger log = LoggerFactory.getLogger(SiteSettingsProvider.class);

    // Changes arrive at once through ContentChanged (database notifications); the expiry is only a net.
    private static final Duration CACHE_FOR = Duration.ofSeconds(60);

    /** How reader comments work; the comments feature reads it. */
    public record CommentPolicy(boolean enabled, boolean premoderated, int closeAfterDays, String policyText,
            boolean newestFirst) {

        /** Threads open on their oldest comments, as they always did. */
        public CommentPolicy(boolean enabled, boolean premoderated, int closeAfterDays, String policyText) {
            this(enabled, premoderated, closeAfterDays, policyText, false);
        }
    }

    private record Snapshot(SiteSettings settings, CommentPolicy comments, long loadedAt) {
    }

    private final SiteSettings defaults;

    private final CommentPolicy defaultCommentPolicy;

    private final JdbcClient jdbc;

    private volatile Snapshot snapshot;

    SiteSettingsProvider(NewsroomProperties properties, JdbcClient jdbc) {
        var site = properties.site();
        String baseUrl = site.baseUrl().endsWith("/") ? site.baseUrl().substring(0, site.baseUrl().length() - 1)
                : site.baseUrl();
        this.defaults = new SiteSettings(site.name(), site.tagline(), site.about(), baseUrl, site.social());
        // Until an administrator saves settings, comments follow configuration (newsroom.comments.*).
        var comments = properties.comments();
        this.defaultCommentPolicy = new CommentPolicy(true,
                comments.policy() == NewsroomProperties.ModerationPolicy.HOLD_ALL, comments.closeAfterDays(), "");
        this.jdbc = jdbc;
    }

    public SiteSettings current() {
        return load().settings();
    }

    public CommentPolicy commentPolicy() {
        return load().comments();
    }

    /** The configured values, before any administrator edits. */
    public SiteSettings defaults() {
        return defaults;
    }

    /** Forgets the kept settings once an administrator's save here has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void saved(SiteSettingsChanged change) {
        refresh();
    }

    /** Forgets the kept settings when anything changed on another instance (the database's notification). */
    @EventListener(ContentChanged.class)
    public void refresh() {
        snapshot = null;
    }

    private Snapshot load() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.loadedAt() < CACHE_FOR.toNanos()) {
            return current;
        }
        Snapshot loaded;
        try {
            loaded = jdbc.sql("select * from site_settings where id = 1")
                    .query((rs, n) -> new Snapshot(new SiteSettings(rs.getString("name"), rs.getString("tagline"),
                            rs.getString("about"), defaults.baseUrl(), parseSocial(rs.getString("social_links"))),
                            new CommentPolicy(rs.getBoolean("comments_enabled"), rs.getBoolean("comments_premoderated"),
                                    rs.getInt("comments_close_after_days"), rs.getString("comment_policy"),
                                    rs.getBoolean("comments_newest_first")),
                            now))
                    .optional()
                    .orElseGet(() -> new Snapshot(defaults, defaultCommentPolicy, now));
        }
        catch (DataAccessException ex) {
            // Pages (error pages above all) must render even when the database does not answer.
            log.warn("Site settings unavailable, using configuration: {}", ex.getMostSpecificCause().getMessage());
            return current != null ? current : new Snapshot(defaults, defaultCommentPolicy, now);
        }
        snapshot = loaded;
        return loaded;
    }

    /** "Name | https://url" per line; lines that do not fit are skipped. */
    public static List<SocialLink> parseSocial(String text) {
        List<SocialLink> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        for (String line : text.split("\\R")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                String name = line.substring(0, bar).strip();
                String url = line.substring(bar + 1).strip();
                if (!name.isEmpty() && url.matches("https?://\\S+")) {
                    links.add(new SocialLink(name, url));
                }
            }
        }
        return links;
    }

    public static String formatSocial(List<SocialLink> links) {
        StringBuilder text = new StringBuilder();
        for (SocialLink link : links) {
            text.append(link.name()).append(" | ").append(link.url()).append('\n');
        }
        return text.toString().strip();
    }
}
