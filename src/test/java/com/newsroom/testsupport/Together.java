package com.newsroom.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs workers on threads of their own that start at the same instant (a barrier), each reaching the
 * database through its own connection, as separate instances of the application would.
 */
public final class Together<T> implements AutoCloseable {

    private final ExecutorService threads;

    private final List<Future<T>> running = new ArrayList<>();

    private Together(int workers, IntFunction<Callable<T>> work) {
        this.threads = Executors.newFixedThreadPool(workers);
        CyclicBarrier start = new CyclicBarrier(workers);
        for (int i = 0; i < workers; i++) {
            Callable<T> job = work.apply(i);
            running.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return job.call();
            }));
        }
    }

    /** Starts {@code workers} copies of {@code work} (given the worker's number) at once. */
    public static <T> Together<T> start(int workers, IntFunction<Callable<T>> work) {
        return new Together<>(workers, work);
    }

    /** Each worker's result, in worker order; a worker's failure fails the test. */
    public List<T> results() {
        List<T> results = new ArrayList<>();
        for (Future<T> worker : running) {
            try {
                results.add(worker.get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS));
            }
            catch (ExecutionException ex) {
                throw new AssertionError("a worker failed", ex.getCause());
            }
            catch (TimeoutException ex) {
                throw new AssertionError("a worker did not finish within a minute", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
        return results;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
