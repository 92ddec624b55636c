package com.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.newsroom.testsupport.IntegrationTest;

/**
 * PostgreSQL can only plan a statement for its values each time if the statement is never prepared on the server:
 * once it is, a generic plan may be chosen for every word alike (see {@link CustomPlanJdbcTemplate}).
 */
@IntegrationTest
class CustomPlanJdbcTemplateIntegrationTests {

    private static final String STATEMENT = "select count(*) from article_search where article_id > ? /* planned */";

    @Autowired
    DataSource dataSource;

    @Test
    void aStatementRunManyTimesIsNeverPreparedOnTheServer() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var one = new SingleConnectionDataSource(connection, true);

            runTwentyTimes(new JdbcTemplate(one));
            assertThat(preparedOnTheServer(one)).as("the driver's default, so that this test can fail").isTrue();
            new JdbcTemplate(one).execute("deallocate all");

            runTwentyTimes(new CustomPlanJdbcTemplate(one));
            assertThat(preparedOnTheServer(one)).isFalse();
        }
    }

    private static void runTwentyTimes(JdbcTemplate jdbc) {
        for (long i = 0; i < 20; i++) {
            jdbc.queryForObject(STATEMENT, Long.class, i);
        }
    }

    private static boolean preparedOnTheServer(DataSource connection) {
        return new JdbcTemplate(connection).queryForObject(
                "select exists (select 1 from pg_prepared_statements where statement like '%/* planned */%'"
                        + " and statement not like '%pg_prepared_statements%')", Boolean.class);
    }
}
