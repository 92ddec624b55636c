package com.newsroom.site;

import java.util.List;

import com.newsroom.config.NewsroomProperties.SocialLink;

/** What every page shows about the site: its name and tagline, the footer's about text and links. */
public record SiteSettings(String name, String tagline, String about, String baseUrl, List<SocialLink> social) {
}
