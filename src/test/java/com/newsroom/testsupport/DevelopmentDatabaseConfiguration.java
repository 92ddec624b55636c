package com.newsroom.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database behind {@code ./mvnw spring-boot:test-run}: one that survives restarts. On the local
 * server it is {@code newsroom_dev} (or {@code NEWSROOM_DEV_DATABASE}), created if missing; with Docker it
 * is a container that Testcontainers reuses between runs where reuse is enabled.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevelopmentDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(TestDatabaseConfiguration.UsesTestcontainers.class)
    PostgreSQLContainer developmentPostgresContainer() {
        return new PostgreSQLContainer(TestDatabaseConfiguration.POSTGRES_IMAGE)
                .withDatabaseName("newsroom_dev")
                .withReuse(true);
    }

    @Bean
    @Conditional(TestDatabaseConfiguration.UsesLocalServer.class)
    JdbcConnectionDetails developmentDatabase(Environment environment) {
        return LocalDatabaseConnection.persistent(LocalPostgres.from(environment),
                environment.getProperty("NEWSROOM_DEV_DATABASE", "newsroom_dev"));
    }
}
