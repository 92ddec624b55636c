package com.newsroom.site;

import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;

/** The current site settings; read from configuration. */
@Component
public class SiteSettingsProvider {

    private final SiteSettings settings;

    SiteSettingsProvider(NewsroomProperties properties) {
        var site = properties.site();
        String baseUrl = site.baseUrl().endsWith("/") ? site.baseUrl().substring(0, site.baseUrl().length() - 1)
                : site.baseUrl();
        this.settings = new SiteSettings(site.name(), site.tagline(), site.about(), baseUrl, site.social());
    }

    public SiteSettings current() {
        return settings;
    }
}
