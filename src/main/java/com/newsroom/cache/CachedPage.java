package com.newsroom.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A rendered public page as it went out, compressed once when stored: enough to answer the same request
 * again (gzipped or not), or with 304. A page with {@link PageSlot}s keeps one deflate segment per literal
 * part, each ended with a sync flush (byte-aligned, nothing referring back across it), so a response is the
 * segments with each slot's value between them as a stored (uncompressed) deflate block, and a gzip trailer
 * over the whole: no compression work on a hit.
 */
record CachedPage(String contentType, PageSlots.Template template, List<byte[]> deflated, byte[] gzipped,
        String etag, Instant lastModified, Set<String> keys) {

    private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    /** An empty final stored block: ends the deflate stream. */
    private static final byte[] LAST_BLOCK = { 1, 0, 0, (byte) 0xff, (byte) 0xff };

    private static final int MAX_STORED_BLOCK = 65_535;

    static CachedPage of(String contentType, byte[] body, String etag, Instant lastModified, Set<String> keys) {
        PageSlots.Template template = PageSlots.parse(body);
        List<byte[]> deflated = template.literals().stream().map(CachedPage::deflate).toList();
        byte[] gzipped = template.hasSlots() ? null : gzip(template, deflated, new byte[0][]);
        return new CachedPage(contentType, template, deflated, gzipped, etag, lastModified,
                Collections.unmodifiableSet(new LinkedHashSet<>(keys)));
    }

    boolean hasSlots() {
        return template.hasSlots();
    }

    /** The uncompressed page with these slot values. */
    byte[] plain(byte[][] values) {
        return PageSlots.join(template, values);
    }

    /** The gzipped page with these slot values; without slots, the bytes compressed when stored. */
    byte[] gzip(byte[][] values) {
        return gzipped != null ? gzipped : gzip(template, deflated, values);
    }

    int weight() {
        int weight = 512;
        for (int i = 0; i < deflated.size(); i++) {
            weight += deflated.get(i).length + template.literals().get(i).length;
        }
        return weight + (gzipped == null ? 0 : gzipped.length);
    }

    private static byte[] deflate(byte[] literal) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(literal);
            ByteArrayOutputStream out = new ByteArrayOutputStream(literal.length / 4 + 64);
            byte[] buffer = new byte[8192];
            int count;
            do {
                count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, count);
            }
            while (count == buffer.length);
            return out.toByteArray();
        }
        finally {
            deflater.end();
        }
    }

    private static byte[] gzip(PageSlots.Template template, List<byte[]> deflated, byte[][] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.stream().mapToInt(b -> b.length).sum() + 64);
        CRC32 crc = new CRC32();
        long size = 0;
        out.writeBytes(GZIP_HEADER);
        for (int i = 0; i < deflated.size(); i++) {
            out.writeBytes(deflated.get(i));
            byte[] literal = template.literals().get(i);
            crc.update(literal);
            size += literal.length;
            if (i < values.length) {
                stored(out, values[i]);
                crc.update(values[i]);
                size += values[i].length;
            }
        }
        out.writeBytes(LAST_BLOCK);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, (int) size);
        return out.toByteArray();
    }

    /** Non-final stored blocks (RFC 1951 3.2.4), starting on a byte boundary as every segment ends on one. */
    private static void stored(ByteArrayOutputStream out, byte[] value) {
        for (int offset = 0; offset < value.length; offset += MAX_STORED_BLOCK) {
            int length = Math.min(MAX_STORED_BLOCK, value.length - offset);
            out.write(0);
            out.write(length & 0xff);
            out.write(length >>> 8);
            out.write(~length & 0xff);
            out.write((~length >>> 8) & 0xff);
            out.write(value, offset, length);
        }
    }

    private static void writeIntLittleEndian(OutputStream out, int value) {
        try {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
            out.write((value >>> 16) & 0xff);
            out.write((value >>> 24) & 0xff);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
