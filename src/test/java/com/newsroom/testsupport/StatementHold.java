package com.newsroom.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

/**
 * Makes concurrent workers provably overlap: every UPDATE of a table waits at its end, inside the worker's
 * transaction and so with the rows it claimed still locked, until the test releases it. A test starts its
 * workers, awaits until all of them wait here (each must have got past the rows the others hold), and
 * releases them. A worker that blocks on another's rows instead never arrives, and the wait fails.
 */
public final class StatementHold implements AutoCloseable {

    private final Connection connection;

    private final String table;

    private final int key = ThreadLocalRandom.current().nextInt(1_000_000, Integer.MAX_VALUE);

    private boolean held;

    private StatementHold(DataSource dataSource, String table) throws SQLException {
        this.connection = dataSource.getConnection();
        this.table = table;
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create function " + name() + "() returns trigger language plpgsql as $$ begin "
                    + "perform pg_advisory_xact_lock_shared(" + key + "); return null; end $$");
            statement.execute("create trigger " + name() + " after update on " + table
                    + " for each statement execute function " + name() + "()");
            statement.execute("select pg_advisory_lock(" + key + ")");
        }
        held = true;
    }

    /** Holds every UPDATE of {@code table} from now until {@link #release()}. */
    public static StatementHold on(DataSource dataSource, String table) {
        try {
            return new StatementHold(dataSource, table);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Waits until exactly {@code workers} transactions are held here at the same time. */
    public void awaitHolding(int workers) {
        Awaitility.await("%d workers held together on %s".formatted(workers, table))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(this::holding, n -> n == workers);
    }

    public void release() {
        execute("select pg_advisory_unlock(" + key + ")");
        held = false;
    }

    private int holding() {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and objid = ? and not granted")) {
            query.setLong(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try (connection) {
            if (held) {
                release();
            }
            execute("drop trigger if exists " + name() + " on " + table);
            execute("drop function if exists " + name() + "()");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String name() {
        return "test_hold_" + key;
    }
}
