package com.newsroom.site;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.category.Categories;

/** The category links in the site header, in editorial order. */
@Component
public class Navigation {

    private static final Logger log = LoggerFactory.getLogger(Navigation.class);

    private final Categories categories;

    Navigation(Categories categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public List<NavCategory> categories() {
        try {
            return categories.findAllByOrderByPositionAscNameAsc().stream()
                    .map(c -> new NavCategory(c.getName(), c.getSlug()))
                    .toList();
        }
        catch (DataAccessException ex) {
            // The header must render even when the database does not answer (an error page, say).
            log.warn("Navigation unavailable: {}", ex.getMostSpecificCause().getMessage());
            return List.of();
        }
    }
}
