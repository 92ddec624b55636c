package com.newsroom.edge;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cache to purge. At most one request is on its way at a time; keys arriving meanwhile are merged into
 * the next one, so a burst of edits costs a few requests, and memory is bounded by the distinct keys
 * waiting. A failed request is retried with back-off a few times, then given up and logged.
 */
final class PurgeTarget {

    private static final Logger log = LoggerFactory.getLogger(PurgeTarget.class);

    /** Stays well under Varnish's default request header limit (8 KB). */
    static final int MAX_HEADER_CHARS = 4000;

    private final URI uri;

    private final PurgeClient client;

    private final Set<String> waiting = new LinkedHashSet<>();

    private boolean sending;

    PurgeTarget(URI uri, PurgeClient client) {
        this.uri = uri;
        this.client = client;
    }

    void purge(Collection<String> keys) {
        synchronized (this) {
            waiting.addAll(keys);
            if (sending) {
                return;
            }
            sending = true;
        }
        sendWaiting();
    }

    private void sendWaiting() {
        String batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                sending = false;
                return;
            }
            batch = takeBatch();
        }
        attempt(batch, 1);
    }

    /** Space-separated keys, as many as fit in one header. Called holding the lock. */
    private String takeBatch() {
        List<String> taken = new ArrayList<>();
        int length = 0;
        for (String key : waiting) {
            if (!taken.isEmpty() && length + key.length() + 1 > MAX_HEADER_CHARS) {
                break;
            }
            taken.add(key);
            length += key.length() + 1;
        }
        taken.forEach(waiting::remove);
        return String.join(" ", taken);
    }

    private void attempt(String keys, int attempt) {
        CompletableFuture<Integer> sent;
        try {
            sent = client.send(uri, keys);
        }
        catch (RuntimeException ex) {
            sent = CompletableFuture.failedFuture(ex);
        }
        sent.whenComplete((status, failure) -> {
            if (failure == null && status >= 200 && status < 300) {
                client.count("purged");
                log.debug("Purged {} by keys [{}]", uri, keys);
                sendWaiting();
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String why = cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    : "status " + status;
            if (attempt < client.maxAttempts()) {
                client.count("retried");
                log.warn("Purge of {} failed ({}), attempt {} of {}; retrying", uri, why, attempt,
                        client.maxAttempts());
                client.after(attempt).execute(() -> attempt(keys, attempt + 1));
            }
            else {
                client.count("given-up");
                log.error("Purge of {} given up after {} attempts ({}); pages with keys [{}] stay until they "
                        + "expire", uri, attempt, why, keys);
                sendWaiting();
            }
        });
    }
}
