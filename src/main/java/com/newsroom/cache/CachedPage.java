package com.newsroom.cache;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A rendered public page as it went out, compressed once when stored: enough to answer the same request
 * again (gzipped or not), or with 304. A page without {@link PageSlot}s is kept as its gzipped bytes alone (the
 * rare client that does not accept gzip gets them inflated), so the cache holds several times more pages in the
 * same memory. A page with slots keeps its literal parts and one deflate segment per part, each ended with a sync
 * flush (byte-aligned, nothing referring back across it), so a response is the segments with each slot's value
 * between them as a stored (uncompressed) deflate block, and a gzip trailer over the whole: no compression work
 * on a hit.
 *
 * @param template the literal parts around the slots; null for a page without slots
 * @param deflated one segment per literal part; empty for a page without slots
 * @param gzipped the page as sent; null for a page with slots
 */
record CachedPage(String contentType, PageSlots.Template template, List<byte[]> deflated, byte[] gzipped,
        String etag, Instant lastModified, Set<String> keys) {

    static CachedPage of(String contentType, byte[] body, String etag, Instant lastModified, Set<String> keys) {
        PageSlots.Template template = PageSlots.parse(body);
        Set<String> kept = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
        if (!template.hasSlots()) {
            return new CachedPage(contentType, null, List.of(), Gzip.STORED.gzip(body), etag, lastModified, kept);
        }
        List<byte[]> deflated = template.literals().stream().map(Gzip.STORED::segment).toList();
        return new CachedPage(contentType, template, deflated, null, etag, lastModified, kept);
    }

    boolean hasSlots() {
        return template != null;
    }

    /** The uncompressed page with these slot values. */
    byte[] plain(byte[][] values) {
        return template == null ? Gzip.gunzip(gzipped) : PageSlots.join(template, values);
    }

    /** The gzipped page with these slot values; without slots, the bytes compressed when stored. */
    byte[] gzip(byte[][] values) {
        return gzipped != null ? gzipped : gzip(template, deflated, values);
    }

    int weight() {
        int weight = 512;
        if (template == null) {
            return weight + gzipped.length;
        }
        for (int i = 0; i < deflated.size(); i++) {
            weight += deflated.get(i).length + template.literals().get(i).length;
        }
        return weight;
    }

    private static byte[] gzip(PageSlots.Template template, List<byte[]> deflated, byte[][] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.stream().mapToInt(b -> b.length).sum() + 64);
        CRC32 crc = new CRC32();
        long size = 0;
        out.writeBytes(Gzip.HEADER);
        for (int i = 0; i < deflated.size(); i++) {
            out.writeBytes(deflated.get(i));
            byte[] literal = template.literals().get(i);
            crc.update(literal);
            size += literal.length;
            if (i < values.length) {
                Gzip.stored(out, values[i], 0, values[i].length);
                crc.update(values[i]);
                size += values[i].length;
            }
        }
        Gzip.endSegments(out, crc, size);
        return out.toByteArray();
    }
}
