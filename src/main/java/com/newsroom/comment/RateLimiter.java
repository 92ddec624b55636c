package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every app instance. One upsert per check;
 * old windows are swept by {@link CommentRetention}.
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;

    private final Clock clock;

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one hit in the current window; false once the limit is passed. Call it outside any transaction: it
     * takes a connection of its own and commits at once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String bucket, int limit, Duration window) {
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(clock.millis() / windowMillis * windowMillis);
        int hits = jdbc.sql("""
                insert into rate_limit_counters (bucket, window_start, hits) values (:bucket, :start, 1)
                on conflict (bucket, window_start) do update set hits = rate_limit_counters.hits + 1
                returning hits""")
                .param("bucket", bucket)
                .param("start", Timestamp.from(start))
                .query(Integer.class).single();
        return hits <= limit;
    }
}
