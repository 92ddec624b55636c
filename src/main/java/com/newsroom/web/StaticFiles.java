package com.newsroom.web;

import java.util.List;

/**
 * Where static files (fingerprinted styles, scripts and images) and media variants are served: the same bytes for
 * everyone, with their own long-lived caching, rendered by nothing.
 */
public final class StaticFiles {

    private static final List<String> PREFIXES = List.of("/css/", "/js/", "/img/", "/media/");

    private StaticFiles() {
    }

    /** Whether {@code path} (without the context path) names a static file or a media variant. */
    public static boolean at(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
