package com.newsroom.edge;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP cache tier in front of the application (Varnish with the xkey module, see
 * {@code src/main/docker/varnish/default.vcl}). A record of its own rather than a branch of
 * {@code NewsroomProperties}: the tier is optional and everything about it lives in this package.
 *
 * @param purgeUrls every Varnish to purge, e.g. {@code http://varnish-1:80/}; empty: no cache tier, nothing is sent
 * @param purgeMode SOFT keeps purged pages for grace (served only while every instance is down); HARD drops them
 * @param timeout how long one purge request may take, connecting included
 * @param maxAttempts tries per purge before it is given up (and logged); the pages then expire by their s-maxage
 * @param retryDelay wait before the first retry; doubled for each further one
 * @param repurgeAfter the same keys are purged once more after this long (zero: once only). An instance that has not
 *        yet heard of a change may be handing the tier its old page (from its own cache, or rendered just before)
 *        at the moment the purges arrive; the tier would store that copy after them and keep it until it expires.
 *        Responses already on their way when a change is heard take far less than this to arrive.
 */
@Validated
@ConfigurationProperties("newsroom.edge")
public record EdgeProperties(
        @DefaultValue List<@NotNull URI> purgeUrls,
        @NotNull @DefaultValue("SOFT") PurgeMode purgeMode,
        @NotNull @DefaultValue("2s") Duration timeout,
        @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("250ms") Duration retryDelay,
        @NotNull @DefaultValue("500ms") Duration repurgeAfter) {

    public enum PurgeMode {
        SOFT("xkey-softpurge"),
        HARD("xkey");

        final String header;

        PurgeMode(String header) {
            this.header = header;
        }
    }
}
