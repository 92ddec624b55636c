package com.newsroom.cache;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.newsroom.config.NewsroomProperties;

@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /** Static: it names the pool's connections (a post-processor) before anything opens one. */
    @Bean
    static InstanceName instanceName() {
        return InstanceName.random();
    }

    @Bean
    PageSlotDialect pageSlotDialect() {
        return new PageSlotDialect();
    }

    /** {@code nr:cache} in templates: parts of pages rendered once per content and reused. */
    @Bean
    RenderedFragments renderedFragments() {
        return new RenderedFragments();
    }

    @Bean
    PageSlots pageSlots(ObjectProvider<PageSlot> slots) {
        return new PageSlots(slots.orderedStream().toList());
    }

    /**
     * Readers wait for a render in progress at most a little longer than a render waits for a database connection;
     * after that each renders its own (and meets the same refusal if the database is the trouble).
     */
    @Bean
    PageRenders pageRenders() {
        return new PageRenders(Duration.ofSeconds(5));
    }

    /**
     * Inside Spring Security's filters, so cached pages still get every security header, and the
     * signed-in state is known before anything is served from memory.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageSlots slots,
            PageRenders renders, NewsroomProperties properties, ServerProperties server, RenderedFragments parts) {
        var compression = new PersonalPageCompression(server.getCompression(), parts);
        var registration = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, slots, renders, properties, compression));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setName("pageCacheFilter");
        return registration;
    }
}
