package com.newsroom.config;

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
 */
@Validated
@ConfigurationProperties("newsroom")
public record NewsroomProperties(@Valid @DefaultValue Site site, @Valid @DefaultValue Listing listing) {

    /** What the site says about itself in its header, footer and metadata. */
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

    /** How many items listings show. */
    public record Listing(
            @Min(1) @Max(100) @DefaultValue("20") int pageSize,
            @Min(1) @Max(50) @DefaultValue("12") int homeLatest,
            @Min(0) @Max(20) @DefaultValue("4") int homePerCategory,
            @Min(0) @Max(12) @DefaultValue("4") int related) {
    }
}
