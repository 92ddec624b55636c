package com.newsroom.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the page cache tests add to the application: a page slot that numbers its responses, a page that
 * shows it, a page whose rendering a test can hold, and a record of the {@link PagesInvalidated} events this
 * instance announces.
 */
@TestConfiguration(proxyBeanMethods = false)
class PageCacheTestConfiguration {

    @Bean
    NumberingSlot numberingSlot() {
        return new NumberingSlot();
    }

    @Bean
    AnnouncedInvalidations announcedInvalidations() {
        return new AnnouncedInvalidations();
    }

    /** Fills each marker with the next number: no two responses show the same. */
    static class NumberingSlot implements PageSlot {

        private final AtomicLong counter = new AtomicLong();

        @Override
        public String name() {
            return "test-number";
        }

        @Override
        public String fill(String argument, HttpServletRequest request) {
            long number = counter.incrementAndGet();
            // "big" fills more than one deflate stored block can hold (65,535 bytes).
            return argument.equals("big") ? "<span class=\"big\">" + "y".repeat(70_000) + number + "</span>"
                    : "<input type=\"hidden\" name=\"" + argument + "\" value=\"" + number + "\">";
        }
    }

    /** Registered as a member of this configuration (never by component scanning, which skips it). */
    @Controller
    static class SlotPage {

        @GetMapping("/test/slots")
        String page() {
            PageKeys.add("slot-page");
            return "test/slots";
        }
    }

    /**
     * A page (key "held-page") whose next rendering, once {@link #holdNext() armed}, waits half-way until the
     * test lets it finish, so that a change can commit while it is being rendered.
     */
    @Controller
    static class HeldPage {

        private final Semaphore rendering = new Semaphore(0);

        private final Semaphore finish = new Semaphore(0);

        private final AtomicLong renders = new AtomicLong();

        private volatile boolean holdNext;

        @GetMapping(path = "/test/held", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page() throws InterruptedException {
            renders.incrementAndGet();
            PageKeys.add("held-page");
            if (holdNext) {
                holdNext = false;
                rendering.release();
                if (!finish.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the held page finish");
                }
            }
            return "<!DOCTYPE html><title>Held</title><p>Rendered at " + System.nanoTime() + "</p>";
        }

        void holdNext() {
            holdNext = true;
        }

        void awaitRendering() throws InterruptedException {
            if (!rendering.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the held page was not requested");
            }
        }

        void finish() {
            finish.release();
        }

        /** How many times the page has been rendered so far. */
        long renders() {
            return renders.get();
        }
    }

    static class AnnouncedInvalidations {

        private final List<PagesInvalidated> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PagesInvalidated event) {
            events.add(event);
        }

        List<PagesInvalidated> events() {
            return List.copyOf(events);
        }

        void clear() {
            events.clear();
        }
    }
}
