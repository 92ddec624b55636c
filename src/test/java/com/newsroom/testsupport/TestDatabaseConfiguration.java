package com.newsroom.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, empty PostgreSQL database for one test context: in a container when Docker answers, otherwise
 * a throw-away database on the local server (see {@link DatabaseMode}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    @Bean
    @ServiceConnection
    @Conditional(UsesTestcontainers.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(POSTGRES_IMAGE);
    }

    @Bean
    @Conditional(UsesLocalServer.class)
    JdbcConnectionDetails throwawayDatabase(org.springframework.core.env.Environment environment) {
        return LocalDatabaseConnection.throwaway(LocalPostgres.from(environment));
    }

    static class UsesTestcontainers implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DatabaseMode.resolve(context.getEnvironment()) == DatabaseMode.TESTCONTAINERS;
        }
    }

    static class UsesLocalServer implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DatabaseMode.resolve(context.getEnvironment()) == DatabaseMode.LOCAL;
        }
    }
}
