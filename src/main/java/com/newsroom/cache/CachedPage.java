package com.newsroom.cache;

import java.time.Instant;

/** A rendered public page as it went out: enough to answer the same request again, or with 304. */
record CachedPage(String contentType, byte[] body, String etag, Instant lastModified) {

    int weight() {
        return body.length + 256;
    }
}
