package com.newsroom.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor turns each {@code newsroom.*} record's Javadoc ({@code @param} tags) into the
 * descriptions an IDE shows while a setting is typed: a setting added without one shows up here.
 */
class ConfigurationMetadataTests {

    @Test
    void everyNewsroomSettingIsDescribed() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        List<String> settings = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith("newsroom.")) {
                settings.add(name);
                JsonNode description = property.get("description");
                if (description == null || description.asString().isBlank()) {
                    undescribed.add(name);
                }
            }
        }
        assertThat(settings).contains("newsroom.admin.session-lifetime", "newsroom.edge.purge-urls",
                "newsroom.site.base-url");
        assertThat(undescribed).isEmpty();
    }
}
