package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every app instance. One upsert per check (of one
 * counter or several); old windows are swept by {@link CommentRetention}.
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;

    private final Clock clock;

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A counter and how many hits its window allows. */
    record Limit(String bucket, int max) {
    }

    /**
     * Counts one hit in the current window; false once the limit is passed. Call it outside any transaction: it
     * takes a connection of its own and commits at once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String bucket, int limit, Duration window) {
        return tryAcquire(window, List.of(new Limit(bucket, limit)));
    }

    /**
     * Counts one hit on every counter, all in one statement and one commit, and answers whether each is still within
     * its limit: every counter is counted even when another is already past its own. Called outside any transaction,
     * like the single counter.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(Duration window, List<Limit> limits) {
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(clock.millis() / windowMillis * windowMillis);
        // One row per counter (a statement may not update one row twice), taken in the counters' order, so that
        // two posts counting the same two counters at once never wait for each other crosswise.
        Map<String, Integer> maxima = new TreeMap<>();
        limits.forEach(limit -> maxima.merge(limit.bucket(), limit.max(), Math::min));
        List<String> buckets = List.copyOf(maxima.keySet());
        StringJoiner rows = new StringJoiner(", ");
        var statement = new LinkedHashMap<String, Object>();
        statement.put("start", Timestamp.from(start));
        for (int i = 0; i < buckets.size(); i++) {
            rows.add("(:bucket" + i + ", :start, 1)");
            statement.put("bucket" + i, buckets.get(i));
        }
        Map<String, Integer> hits = jdbc.sql("""
                insert into rate_limit_counters (bucket, window_start, hits) values %s
                on conflict (bucket, window_start) do update set hits = rate_limit_counters.hits + 1
                returning bucket, hits""".formatted(rows))
                .params(statement)
                .query((rs, row) -> Map.entry(rs.getString("bucket"), rs.getInt("hits")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return maxima.entrySet().stream().allMatch(limit -> hits.get(limit.getKey()) <= limit.getValue());
    }
}
