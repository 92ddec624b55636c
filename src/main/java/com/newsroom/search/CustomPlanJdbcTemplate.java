package com.newsroom.search;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements that PostgreSQL plans for the values they carry, every time they run.
 * <p>
 * The driver turns a statement run five times into a server-side prepared one, and PostgreSQL may then settle on
 * a generic plan made without the values. For a search that is the wrong plan half the time: a word found in most
 * articles is best read newest first from the date index until enough match, a rare one through the word index,
 * and which is which only the word's statistics say. A statement never prepared on the server is sent unnamed, and
 * PostgreSQL plans an unnamed statement with its parameters' values. (This replaces a {@code set local
 * plan_cache_mode}, which needed a transaction and a round trip of its own.)
 */
final class CustomPlanJdbcTemplate extends JdbcTemplate {

    CustomPlanJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
