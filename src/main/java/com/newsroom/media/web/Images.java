package com.newsroom.media.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

import com.newsroom.media.MediaLibrary;

/** An image response with its entity tag, answering 304 when the client has it already. */
final class Images {

    private Images() {
    }

    static ResponseEntity<byte[]> send(MediaLibrary.Image image, CacheControl cache, WebRequest request) {
        String etag = "\"" + image.etag() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).eTag(etag)
                .cacheControl(cache).header("X-Content-Type-Options", "nosniff").body(image.bytes());
    }
}
