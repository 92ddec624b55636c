package com.newsroom.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders of missing pages in progress, by URL. When many readers ask at once for a page the cache does not hold
 * (the first views after a publish, a link shared widely), one of them renders it and the others wait for that
 * render instead of each rendering its own copy and queuing for database connections.
 */
final class PageRenders {

    /** A page kept by a render, and the cache generation that render began in. */
    record Rendered(CachedPage page, long generation) {
    }

    private final ConcurrentHashMap<String, Render> inFlight = new ConcurrentHashMap<>();

    private final Duration longestWait;

    PageRenders(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /** Joins the render of this URL in progress, or begins one ({@link Render#leading()}) if there is none. */
    Render join(String url) {
        Render mine = new Render(url);
        Render current = inFlight.putIfAbsent(url, mine);
        return current == null ? mine : current.follower();
    }

    /** How many readers wait for the render of this URL now (for tests and metrics). */
    int waitingFor(String url) {
        Render render = inFlight.get(url);
        return render == null ? 0 : render.waiting.get();
    }

    final class Render {

        private final String url;

        private final CompletableFuture<Rendered> result;

        private final AtomicInteger waiting;

        private final boolean leading;

        private Render(String url) {
            this(url, new CompletableFuture<>(), new AtomicInteger(), true);
        }

        private Render(String url, CompletableFuture<Rendered> result, AtomicInteger waiting, boolean leading) {
            this.url = url;
            this.result = result;
            this.waiting = waiting;
            this.leading = leading;
        }

        private Render follower() {
            return new Render(url, result, waiting, false);
        }

        boolean leading() {
            return leading;
        }

        /**
         * For the one who renders: hands the page it kept to everyone waiting, or {@code null} when it kept none
         * (an error, a private or failed response), in which case each renders its own. Only the first call counts.
         */
        void finish(Rendered rendered) {
            // Gone from the map first: whoever arrives from now on finds the page in the cache instead.
            inFlight.remove(url, this);
            result.complete(rendered);
        }

        /** For the others: the leader's page, or {@code null} if it kept none or took too long. */
        Rendered await() {
            waiting.incrementAndGet();
            try {
                return result.get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
            catch (ExecutionException | TimeoutException ex) {
                return null;
            }
            finally {
                waiting.decrementAndGet();
            }
        }
    }
}
