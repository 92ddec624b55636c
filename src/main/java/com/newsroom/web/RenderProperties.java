package com.newsroom.web;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many pages are rendered at once, under {@code newsroom.render.*} (see {@link RenderTurns}).
 *
 * @param concurrency pages rendered at the same time; 0 (the default) means twice the processors the JVM sees
 * @param maxWait     how long a request waits for its turn before it is answered 503 with Retry-After
 */
@Validated
@ConfigurationProperties("newsroom.render")
public record RenderProperties(
        @Min(0) @DefaultValue("0") int concurrency,
        @NotNull @DefaultValue("5s") Duration maxWait) {

    int permits() {
        return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    }
}
