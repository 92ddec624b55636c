package com.newsroom.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.core.env.Environment;

/**
 * The PostgreSQL server on this machine, reached as a superuser to create and drop databases. Defaults
 * suit the project's machines (localhost:5432, user postgres, trust auth); {@code NEWSROOM_TEST_PG_URL},
 * {@code NEWSROOM_TEST_PG_USER} and {@code NEWSROOM_TEST_PG_PASSWORD} override them.
 */
record LocalPostgres(String serverUrl, String username, String password) {

    /** Every throw-away database starts with this, so leftovers from killed runs are easy to find and drop. */
    static final String THROWAWAY_PREFIX = "newsroom_test_";

    static LocalPostgres from(Environment environment) {
        String url = environment.getProperty("NEWSROOM_TEST_PG_URL", "jdbc:postgresql://localhost:5432/");
        return new LocalPostgres(url.endsWith("/") ? url : url + "/",
                environment.getProperty("NEWSROOM_TEST_PG_USER", "postgres"),
                environment.getProperty("NEWSROOM_TEST_PG_PASSWORD", ""));
    }

    String urlFor(String database) {
        return serverUrl + database;
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(urlFor("postgres"), username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " refused: " + sql
                    + " (is it running? see README, Development)", ex);
        }
    }

    boolean exists(String database) {
        try (Connection connection = DriverManager.getConnection(urlFor("postgres"), username, password);
                var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " does not answer"
                    + " (is it running? see README, Development)", ex);
        }
    }
}
