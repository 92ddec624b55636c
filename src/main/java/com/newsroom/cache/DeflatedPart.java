package com.newsroom.cache;

/**
 * A part of pages as UTF-8 bytes, and the same bytes as a raw deflate segment ended with a sync flush (see
 * {@link Gzip#segment(byte[])}), which can go into any gzip stream at a byte boundary.
 */
record DeflatedPart(byte[] plain, byte[] deflated) {
}
