package com.newsroom.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Surrogate keys: the names a page is cached under, and a change is announced with (the database triggers of
 * V40 produce the same names). Controllers name what their page shows with {@link #add}; every cached page
 * also carries {@link #SITE}.
 */
public final class PageKeys {

    /** Every page: site settings, sections, staff names. */
    public static final String SITE = "site";

    /** The front page and the latest-news listing. */
    public static final String HOME = "home";

    /** The site-wide feeds. */
    public static final String FEED = "feed";

    public static final String SITEMAP = "sitemap";

    public static final String SEARCH = "search";

    private static final String ATTRIBUTE = PageKeys.class.getName();

    private PageKeys() {
    }

    public static String article(long id) {
        return "article-" + id;
    }

    public static String category(String slug) {
        return "category-" + slug;
    }

    public static String tag(String slug) {
        return "tag-" + slug;
    }

    public static String author(String slug) {
        return "author-" + slug;
    }

    /** Names what the page being rendered for the current request shows. */
    public static void add(String... keys) {
        add(Set.of(keys));
    }

    public static void add(Collection<String> keys) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> collected = (Set<String>) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (collected == null) {
            collected = new LinkedHashSet<>();
            attributes.setAttribute(ATTRIBUTE, collected, RequestAttributes.SCOPE_REQUEST);
        }
        collected.addAll(keys);
    }

    /** The keys named for this request, with {@link #SITE} first. */
    static Set<String> of(HttpServletRequest request) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SITE);
        @SuppressWarnings("unchecked")
        Set<String> collected = (Set<String>) request.getAttribute(ATTRIBUTE);
        if (collected != null) {
            keys.addAll(collected);
        }
        return keys;
    }
}
