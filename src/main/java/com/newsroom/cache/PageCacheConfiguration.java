package com.newsroom.cache;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.newsroom.config.NewsroomProperties;

@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /**
     * Inside Spring Security's filters, so cached pages still get every security header, and the
     * signed-in state is known before anything is served from memory.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, NewsroomProperties properties) {
        var registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, properties));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setName("pageCacheFilter");
        return registration;
    }
}
