package com.newsroom.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator can tune, under {@code newsroom.*}. Each value has a sensible default so the
 * site starts with nothing configured but a database.
 *
 * @param site what the site says about itself
 * @param listing how many items listings show
 * @param comments how reader comments are taken in, screened and kept
 * @param cache the in-memory cache of public pages
 */
@Validated
@ConfigurationProperties("newsroom")
public record NewsroomProperties(@Valid @DefaultValue Site site, @Valid @DefaultValue Listing listing,
        @Valid @DefaultValue Comments comments, @Valid @DefaultValue Cache cache) {

    /**
     * What the site says about itself in its header, footer and metadata.
     *
     * @param name the site's name, in the header, titles and feeds
     * @param tagline a line under the name
     * @param about the footer's paragraph about the publication
     * @param baseUrl the public address (scheme, host, port) used in canonical links, feeds and sitemaps
     * @param timeZone the zone dates are shown and typed in
     * @param social "follow us" links in the footer
     */
    public record Site(
            @NotBlank @DefaultValue("Newsroom") String name,
            @DefaultValue("Independent reporting on technology") String tagline,
            @DefaultValue("Newsroom is an independent publication covering the technologies that shape how we live and work.") String about,
            @NotBlank @DefaultValue("http://localhost:8080") String baseUrl,
            @NotNull @DefaultValue("UTC") ZoneId timeZone,
            @DefaultValue List<@Valid SocialLink> social) {
    }

    /** A "follow us" link; plain links only, never a third-party script. */
    public record SocialLink(@NotBlank String name, @NotBlank String url) {
    }

    /**
     * How many items listings show.
     *
     * @param pageSize articles per listing page
     * @param homeLatest articles in the home page's "Latest" column
     * @param homePerCategory articles per section on the home page
     * @param related related articles under an article
     */
    public record Listing(
            @Min(1) @Max(100) @DefaultValue("20") int pageSize,
            @Min(1) @Max(50) @DefaultValue("12") int homeLatest,
            @Min(0) @Max(20) @DefaultValue("4") int homePerCategory,
            @Min(0) @Max(12) @DefaultValue("4") int related) {
    }

    /**
     * How reader comments are taken in, screened and kept.
     *
     * @param policy HOLD_ALL: every comment waits for a moderator; AUTO_APPROVE_KNOWN: commenters with approved
     *        comments do not
     * @param closeAfterDays comments close this many days after publication; 0 keeps them open
     * @param maxDepth deepest reply level (1 = no replies)
     * @param maxLength longest comment, in characters
     * @param minimumFillTime forms sent back faster than a person could type are suspicious
     * @param formTokenMaxAge a comment form is good for one comment within this long after it was served
     * @param maxLinks links a comment may hold before it counts as spam
     * @param blockedWords matched as whole words, case-insensitive
     * @param blockedHosts matched against link hosts and their subdomains
     * @param spamThreshold at or above this score a comment goes straight to spam
     * @param ratePerIp comments one address may send per rate window
     * @param ratePerEmail comments one e-mail address may send per rate window
     * @param rateWindow the window of the two rate limits
     * @param retention personal data of spam and rejected comments is removed after this long
     */
    public record Comments(
            @NotNull @DefaultValue("HOLD_ALL") ModerationPolicy policy,
            @Min(0) @DefaultValue("0") int closeAfterDays,
            @Min(1) @Max(10) @DefaultValue("3") int maxDepth,
            @Min(100) @Max(20000) @DefaultValue("5000") int maxLength,
            @NotNull @DefaultValue("3s") Duration minimumFillTime,
            @NotNull @DefaultValue("2h") Duration formTokenMaxAge,
            @Min(0) @DefaultValue("2") int maxLinks,
            @DefaultValue List<String> blockedWords,
            @DefaultValue List<String> blockedHosts,
            @Min(1) @DefaultValue("80") int spamThreshold,
            @Min(1) @DefaultValue("5") int ratePerIp,
            @Min(1) @DefaultValue("5") int ratePerEmail,
            @NotNull @DefaultValue("10m") Duration rateWindow,
            @NotNull @DefaultValue("30d") Duration retention) {
    }

    /**
     * The in-memory cache of public pages served to readers without a session.
     *
     * @param enabled whether public pages are cached
     * @param maxMegabytes memory for cached pages, as gzipped bytes (an article page is about 8 KB); the least
     *        recently used are dropped beyond it
     * @param timeToLive a safety net only: changes invalidate at once through PostgreSQL notifications
     * @param sharedMaxAge how long a CDN or proxy may hold a public page (Cache-Control s-maxage)
     */
    public record Cache(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("16") int maxMegabytes,
            @NotNull @DefaultValue("5m") Duration timeToLive,
            @NotNull @DefaultValue("60s") Duration sharedMaxAge) {
    }

    public enum ModerationPolicy {
        HOLD_ALL, AUTO_APPROVE_KNOWN
    }
}
