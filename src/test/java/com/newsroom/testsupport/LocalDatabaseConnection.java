package com.newsroom.testsupport;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A database on the local PostgreSQL server. A throw-away one is created for one test context and
 * dropped when the context closes (after the connection pool that depends on it).
 */
final class LocalDatabaseConnection implements JdbcConnectionDetails, DisposableBean {

    private final LocalPostgres server;

    private final String database;

    private final boolean dropOnClose;

    private LocalDatabaseConnection(LocalPostgres server, String database, boolean dropOnClose) {
        this.server = server;
        this.database = database;
        this.dropOnClose = dropOnClose;
    }

    static LocalDatabaseConnection throwaway(LocalPostgres server) {
        String database = LocalPostgres.THROWAWAY_PREFIX + ProcessHandle.current().pid() + "_"
                + Long.toHexString(System.nanoTime());
        server.execute("create database " + database);
        return new LocalDatabaseConnection(server, database, true);
    }

    /** A database kept between runs (local development), created the first time. */
    static LocalDatabaseConnection persistent(LocalPostgres server, String database) {
        if (!server.exists(database)) {
            server.execute("create database " + database);
        }
        return new LocalDatabaseConnection(server, database, false);
    }

    String database() {
        return database;
    }

    @Override
    public String getUsername() {
        return server.username();
    }

    @Override
    public String getPassword() {
        return server.password();
    }

    @Override
    public String getJdbcUrl() {
        return server.urlFor(database);
    }

    @Override
    public void destroy() {
        if (dropOnClose) {
            server.execute("drop database if exists " + database + " with (force)");
        }
    }
}
