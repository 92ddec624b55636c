package com.newsroom.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's 'content_changed' channel, where the database triggers of V40 announce each
 * committed change with the surrogate keys of the pages it affects (see {@link PageChange}), and drops
 * exactly those pages, whichever instance made the change. While the database is away cached pages keep
 * being served; once listening resumes every page is dropped, here and in the cache tier in front, since
 * notifications may have been missed.
 */
@Component
public class ContentChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final DataSource dataSource;

    private final PageInvalidation invalidation;

    private volatile boolean running;

    private volatile Thread thread;

    /** The payloads of the latest notifications handled, oldest first (bounded). */
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    ContentChangeListener(DataSource dataSource, PageInvalidation invalidation) {
        this.dataSource = dataSource;
        this.invalidation = invalidation;
    }

    @Override
    public void start() {
        // Runs even with the page cache off: navigation and settings are kept in memory too.
        running = true;
        thread = new Thread(this::listen, "content-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    /**
     * Whether a notification with this payload has been handled; a marker sent after some writes tells
     * that every notification of those writes has been handled too (PostgreSQL keeps commit order).
     */
    public boolean hasHandled(String payload) {
        return recent.contains(payload);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean listenedBefore = false;
        while (running) {
            // A connection of its own, held for as long as it listens; it is not returned to the pool.
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen content_changed");
                }
                invalidation.missedChanges(listenedBefore);
                listenedBefore = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long lastCheck = System.nanoTime();
                while (running) {
                    // Blocks until a notification arrives (or a second passes); a broken connection throws.
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            handle(notification.getParameter());
                        }
                    }
                    // A half-open connection never throws: ask the server now and then, generously.
                    if (System.nanoTime() - lastCheck > CHECK_EVERY.toNanos()) {
                        if (!connection.isValid(10)) {
                            throw new SQLException("listening connection lost");
                        }
                        lastCheck = System.nanoTime();
                    }
                }
            }
            catch (SQLException ex) {
                if (!running) {
                    return;
                }
                log.warn("Not listening for content changes ({}); retrying in {} s", ex.getMessage(),
                        RETRY_AFTER.toSeconds());
                try {
                    Thread.sleep(RETRY_AFTER.toMillis());
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(String payload) {
        try {
            PageChange change = PageChange.parse(payload);
            if (change != null) {
                invalidation.committed(change);
            }
        }
        catch (RuntimeException ex) {
            // One bad listener must not stop the instance from hearing the next change.
            log.warn("Handling content change '{}' failed", payload, ex);
        }
        recent.addLast(payload);
        if (recent.size() > 256) {
            recent.pollFirst();
        }
    }
}
