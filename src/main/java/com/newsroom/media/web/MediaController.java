package com.newsroom.media.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.media.MediaLibrary;
import com.newsroom.web.NotFoundException;

/** Serves library images. An id and variant never change their bytes, so browsers and CDNs may keep them a year. */
@Controller
class MediaController {

    private final MediaLibrary library;

    MediaController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{id}/{variant}")
    ResponseEntity<byte[]> image(@PathVariable String id, @PathVariable String variant, WebRequest request) {
        if (!id.matches("\\d{1,18}") || !variant.matches("original|large|card|thumb")) {
            throw new NotFoundException();
        }
        var image = library.image(Long.parseLong(id), variant).orElseThrow(NotFoundException::new);
        String etag = "\"" + image.etag() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).eTag(etag)
                .cacheControl(cache).header("X-Content-Type-Options", "nosniff").body(image.bytes());
    }
}
