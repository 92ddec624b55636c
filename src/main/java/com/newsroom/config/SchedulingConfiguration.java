package com.newsroom.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs (scheduled publishing); {@code newsroom.scheduling.enabled=false} turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "newsroom.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
