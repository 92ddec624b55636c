package com.newsroom.cache;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One committed change as the database announces it (V40): the application_name of the connection that
 * wrote it and the surrogate keys of the pages it affects. Other payloads (test markers) carry no change.
 */
record PageChange(String origin, Set<String> keys) {

    static PageChange parse(String payload) {
        int newline = payload == null ? -1 : payload.indexOf('\n');
        if (newline < 0) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>(Arrays.asList(payload.substring(newline + 1).strip().split("\\s+")));
        keys.remove("");
        return keys.isEmpty() ? null : new PageChange(payload.substring(0, newline), Set.copyOf(keys));
    }
}
