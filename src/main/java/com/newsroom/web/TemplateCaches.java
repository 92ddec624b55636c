package com.newsroom.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Room in Thymeleaf's caches for every template and expression the site has. The defaults (200 parsed templates,
 * 500 expressions, dropped first in, first out) are smaller than one rendering of an article page from nothing
 * (every {@code nr:cache} part rendered, as for an article no one has read for a while): each rendering then
 * parsed again expressions that the previous one had pushed out, and with the SpEL compiler on, compiled each into
 * a new class for the JIT to compile in turn. Measured on the bench's long tail, that cost more CPU than the
 * requests themselves.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    private static final int TEMPLATES = 2_000;

    private static final int EXPRESSIONS = 20_000;

    @Bean
    static BeanPostProcessor templateEngineCaches() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    StandardCacheManager caches = new StandardCacheManager();
                    caches.setTemplateCacheMaxSize(TEMPLATES);
                    caches.setExpressionCacheMaxSize(EXPRESSIONS);
                    engine.setCacheManager(caches);
                }
                return bean;
            }
        };
    }
}
