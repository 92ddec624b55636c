package com.newsroom.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderTurnsConfiguration {

    /** Just inside the page cache's filter (order + 10): pages served from memory never wait for a turn. */
    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 11;

    @Bean
    RenderTurns renderTurns(RenderProperties properties, MeterRegistry meters) {
        var turns = new RenderTurns(properties.permits(), properties.maxWait());
        Gauge.builder("newsroom.renders.active", turns, RenderTurns::rendering)
                .description("Pages being rendered now").register(meters);
        Gauge.builder("newsroom.renders.waiting", turns, RenderTurns::waiting)
                .description("Page requests waiting for their turn to be rendered").register(meters);
        FunctionCounter.builder("newsroom.renders.refused", turns, RenderTurns::refused)
                .description("Page requests answered 503 because no render turn came in time").register(meters);
        return turns;
    }

    @Bean
    FilterRegistrationBean<RenderTurns> renderTurnsFilter(RenderTurns turns) {
        var registration = new FilterRegistrationBean<>(turns);
        registration.setOrder(ORDER);
        registration.setName("renderTurns");
        return registration;
    }
}
