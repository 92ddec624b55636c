package com.newsroom.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends {@code PURGE} requests carrying surrogate keys, on threads of its own. Counts each outcome in
 * {@code newsroom.edge.purges} (result: purged, retried, given-up).
 */
@Component
class PurgeClient implements DisposableBean {

    private final EdgeProperties properties;

    private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "edge-purge");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient http;

    private final MeterRegistry meters;

    PurgeClient(EdgeProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().executor(threads).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The response status; completes exceptionally when the cache cannot be reached in time. */
    CompletableFuture<Integer> send(URI target, String keys) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.timeout())
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header(properties.purgeMode().header, keys).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    int maxAttempts() {
        return properties.maxAttempts();
    }

    /** Where a retry runs: after the attempt's back-off (the delay doubles with every attempt). */
    Executor after(int failedAttempts) {
        return later(properties.retryDelay().multipliedBy(1L << Math.min(failedAttempts - 1, 10)));
    }

    /** Where a task runs {@code delay} from now. */
    Executor later(Duration delay) {
        return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, threads);
    }

    void count(String result) {
        meters.counter("newsroom.edge.purges", "result", result).increment();
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
