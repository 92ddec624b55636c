package com.newsroom.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Observations where they earn their cost. Spring Security would otherwise wrap each of its filters in an
 * observation on every request, a measurable share of a page's CPU; requests as a whole are still observed
 * (http.server.requests), which is what the metrics and traces are read for.
 */
@Configuration(proxyBeanMethods = false)
class ObservationSettings {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
