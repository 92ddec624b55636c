package com.newsroom.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's 'content_changed' channel (fed by triggers on the content tables) and empties
 * the page cache whenever any instance commits a change readers could see. While the database is away
 * cached pages keep being served; once listening resumes the cache is emptied, since notifications may
 * have been missed in between.
 */
@Component
public class ContentChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final DataSource dataSource;

    private final PageCache cache;

    private volatile boolean running;

    private volatile Thread thread;

    /** The payloads of the latest notifications handled, oldest first (bounded). */
    private final java.util.Deque<String> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();

    ContentChangeListener(DataSource dataSource, PageCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
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
        while (running) {
            // A connection of its own, held for as long as it listens; it is not returned to the pool.
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen content_changed");
                }
                cache.invalidateAll();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long lastCheck = System.nanoTime();
                while (running) {
                    // Blocks until a notification arrives (or a second passes); a broken connection throws.
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidateAll();
                        for (PGNotification notification : notifications) {
                            recent.addLast(notification.getParameter());
                            if (recent.size() > 256) {
                                recent.pollFirst();
                            }
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
}
