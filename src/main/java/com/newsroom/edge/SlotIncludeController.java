package com.newsroom.edge;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.newsroom.cache.PageSlots;

/**
 * The per-response parts of pages a cache tier keeps: Varnish fetches them for every response it assembles from
 * a cached page (Edge Side Includes, see {@link PageSlots#INCLUDE_PATH}). Never stored anywhere.
 */
@Controller
class SlotIncludeController {

    private final PageSlots slots;

    SlotIncludeController(PageSlots slots) {
        this.slots = slots;
    }

    @GetMapping(PageSlots.INCLUDE_PATH + "{name}")
    ResponseEntity<String> slot(@PathVariable String name, @RequestParam(defaultValue = "") String argument,
            HttpServletRequest request) {
        return slots.fill(name, argument, request)
                .map(value -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                        .contentType(MediaType.TEXT_HTML).body(value))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
