package com.newsroom.site;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import com.newsroom.cache.ContentChanged;
import com.newsroom.category.CategoriesChanged;
import com.newsroom.category.Categories;

/**
 * The category links in the site header, in editorial order. Every page shows them, so they are kept in
 * memory until content changes (here or on another instance, see ContentChanged), and the last good list is
 * shown while the database does not answer.
 */
@Component
public class Navigation {

    private static final Logger log = LoggerFactory.getLogger(Navigation.class);

    // Changes arrive at once through ContentChanged (database notifications); the expiry is only a net.
    private static final Duration KEEP_FOR = Duration.ofSeconds(60);

    private record Snapshot(List<NavCategory> categories, long loadedAt) {
    }

    private final Categories categories;

    private volatile Snapshot snapshot;

    Navigation(Categories categories) {
        this.categories = categories;
    }

    public List<NavCategory> categories() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.loadedAt() < KEEP_FOR.toNanos()) {
            return current.categories();
        }
        try {
            List<NavCategory> loaded = categories.findAllByOrderByPositionAscNameAsc().stream()
                    .map(c -> new NavCategory(c.getName(), c.getSlug()))
                    .toList();
            snapshot = new Snapshot(loaded, now);
            return loaded;
        }
        catch (DataAccessException | TransactionException ex) {
            // The header must render even when the database does not answer (an error page, say).
            log.warn("Navigation unavailable: {}", ex.getMostSpecificCause().getMessage());
            List<NavCategory> lastKnown = current == null ? List.of() : current.categories();
            snapshot = new Snapshot(lastKnown, now);
            return lastKnown;
        }
    }

    /** Forgets the kept list once a change to the categories made here has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void categoriesChanged(CategoriesChanged change) {
        refresh();
    }

    /** Forgets the kept list when anything readers see changed on another instance (the database's notification). */
    @EventListener(ContentChanged.class)
    public void refresh() {
        snapshot = null;
    }
}
