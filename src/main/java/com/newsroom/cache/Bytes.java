package com.newsroom.cache;

import java.util.Arrays;

/** Searching rendered pages as the bytes they go out as. */
final class Bytes {

    private Bytes() {
    }

    /** Where {@code needle} (never empty) first occurs in {@code haystack} at or after {@code from}; -1 if it does not. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        for (int at = from, last = haystack.length - needle.length; at <= last; at++) {
            if (haystack[at] == first && Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }
}
