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

    @Autowired
    DataSource dataSource;

    @Test
    void aStatementRunManyTimesIsNeverPreparedOnTheServer() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var one = new SingleConnectionDataSource(connection, true);

            runTwentyTimes(new JdbcTemplate(one), "by-default");
            assertThat(preparedOnTheServer(one, "by-default")).as("the driver's default, so that this test can fail")
                    .isTrue();

            runTwentyTimes(new CustomPlanJdbcTemplate(one), "custom-plan");
            assertThat(preparedOnTheServer(one, "custom-plan")).isFalse();
        }
    }

    private static void runTwentyTimes(JdbcTemplate jdbc, String marker) {
        for (long i = 0; i < 20; i++) {
            jdbc.queryForObject("select count(*) from article_search where article_id > ? /* " + marker + " */",
                    Long.class, i);
        }
    }

    private static boolean preparedOnTheServer(DataSource connection, String marker) {
        return new JdbcTemplate(connection).queryForObject("""
                select exists (select 1 from pg_prepared_statements
                               where statement like '%/* ' || ? || ' */%' and statement not like '%pg_prepared%')""",
                Boolean.class, marker);
    }
}
