package com.newsroom.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.newsroom.site.DisplayDates;
import com.newsroom.site.Navigation;
import com.newsroom.site.SiteSettingsProvider;

/**
 * What the layouts show on every page, handed to every view so that no template calls a bean: {@code site} (the
 * site's name, tagline, address and footer), {@code navigation} (the header's categories) and {@code dates} (how
 * instants are written for readers and machines). Set as request attributes before any handler runs, which
 * Thymeleaf reads as variables, rather than by {@code @ModelAttribute}: pages drawn by an exception resolver
 * (the 503 page while the database is away) get no model from advice, and they use the same layout. Both
 * values are kept in memory and survive a database outage, so this costs no query.
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    private final SiteSettingsProvider settings;

    private final Navigation navigation;

    private final DisplayDates dates;

    LayoutModel(SiteSettingsProvider settings, Navigation navigation, DisplayDates dates) {
        this.settings = settings;
        this.navigation = navigation;
        this.dates = dates;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Static files and images are no pages.
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/media/**",
                "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("site", settings.current());
        request.setAttribute("navigation", navigation.categories());
        request.setAttribute("dates", dates);
        return true;
    }
}
