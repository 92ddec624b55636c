package com.newsroom.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages are rendered a few at a time, in the order they were asked for; the others wait for their turn.
 *
 * <p>A render is work for the processors, in the JVM and in PostgreSQL alike. When more requests come than the
 * processors can serve, rendering them all at once only shares the processors out ever more thinly: each page takes
 * as long as all of them together, the operating system switches between dozens of threads, the connection pool
 * is contended, and which page finishes first is down to chance. Taking turns in arrival order (a fair semaphore)
 * serves the same pages sooner and evenly: on the bench's two cores, 32 readers at once got 35-50 % more pages a
 * second and a p99 latency a half to a third of what they got when every request rendered at once.
 *
 * <p>Only the rendering of GET and HEAD pages takes a turn. It sits inside the page cache's filter, so a page served
 * from memory never waits, and the rendered page is written to the reader after the turn is given back (the page
 * cache buffers it), so a slow reader does not hold one. Forms (POST), static files, uploads and health checks (a
 * load balancer's probe must be heard however busy the site is) are never held back. A request that waits longer
 * than {@code newsroom.render.max-wait} is answered 503 with Retry-After, as when the database is out.
 */
class RenderTurns extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RenderTurns.class);

    static final int RETRY_AFTER_SECONDS = 5;

    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Health probes on the site's port: a load balancer or Varnish must hear them at once, however busy. */
    private static final Set<String> PROBES = Set.of("/livez", "/readyz");

    private final Semaphore turns;

    private final int permits;

    private final long maxWaitNanos;

    private final AtomicLong refused = new AtomicLong();

    private final AtomicLong lastLogged = new AtomicLong();

    RenderTurns(int permits, Duration maxWait) {
        this.permits = permits;
        this.turns = new Semaphore(permits, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return true;
        }
        String path = request.getRequestURI();
        return StaticFiles.at(path) || path.startsWith("/actuator/") || PROBES.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!awaitTurn()) {
            noteRefusal(request);
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            turns.release();
        }
    }

    /** One line a minute at most: an overloaded instance refuses many requests, and each would say the same. */
    private void noteRefusal(HttpServletRequest request) {
        long total = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if ((last == 0 || now - last >= LOG_INTERVAL_NANOS) && lastLogged.compareAndSet(last, now)) {
            log.warn("No render turn within {} ms for {} ({} renders at once, {} waiting; {} refused since start)",
                    TimeUnit.NANOSECONDS.toMillis(maxWaitNanos), request.getRequestURI(), permits, waiting(), total);
        }
    }

    private boolean awaitTurn() throws ServletException {
        try {
            return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting for a render turn", ex);
        }
    }

    /** Renders under way now. */
    int rendering() {
        return permits - turns.availablePermits();
    }

    /** Requests refused for want of a turn since start. */
    long refused() {
        return refused.get();
    }

    /** Requests waiting for their turn now (an estimate, as the semaphore gives it). */
    int waiting() {
        return turns.getQueueLength();
    }
}
