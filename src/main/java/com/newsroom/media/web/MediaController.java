package com.newsroom.media.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.media.MediaLibrary;
import com.newsroom.web.NotFoundException;

/**
 * Serves library images to everyone: only the re-encoded variants (no metadata), under the media's random public
 * key, so nobody finds an unpublished picture by counting ids. A key and variant never change their bytes, so
 * browsers and CDNs may keep them a year. Originals are for staff (MediaAdminController).
 */
@Controller
class MediaController {

    private final MediaLibrary library;

    MediaController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{key}/{variant}")
    ResponseEntity<byte[]> image(@PathVariable String key, @PathVariable String variant, WebRequest request) {
        if (!key.matches("[0-9a-f]{32}") || !variant.matches("large|card|thumb")) {
            throw new NotFoundException();
        }
        var image = library.variant(key, variant).orElseThrow(NotFoundException::new);
        return Images.send(image, CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable(), request);
    }
}
