package com.newsroom.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Pages compressed as gzip (RFC 1952) at one level, with zlib's compressors reused rather than made for each page.
 * Making one allocates about 270 KB of native memory, which zlib clears, and ending it frees that again: done for
 * every page rendered, that was CPU on every response and a steady churn through the C allocator, whose per-thread
 * arenas keep much of what is freed (resident memory the heap settings do not bound). A few idle compressors are
 * kept, about as many as requests compress at once; one made beyond them is ended after use.
 */
final class Gzip {

    // Before the instances below: class initialization runs in textual order.
    private static final int KEPT_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /** Rendered for one response: cheap to compress, a somewhat larger body (see PersonalPageCompression). */
    static final Gzip FASTEST = new Gzip(Deflater.BEST_SPEED);

    /**
     * Kept in the page cache: compressed once, sent as often as it is asked for. zlib's default level, not its
     * best: on the bench's pages the best level made the article 0.4 % and the home page 1.3 % smaller for 1.8 and
     * 1.5 times the CPU (0.7 against 0.4 ms for the article), and many pages kept are asked for a few times only
     * (the long tail of the archive, or pages a cache tier in front keeps after its first miss), so each one stored
     * paid more than its smaller body ever returned.
     */
    static final Gzip STORED = new Gzip(Deflater.DEFAULT_COMPRESSION);

    static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    /** An empty final stored block: ends a deflate stream made of segments. */
    static final byte[] LAST_BLOCK = { 1, 0, 0, (byte) 0xff, (byte) 0xff };

    private static final int MAX_STORED_BLOCK = 65_535;

    private final int level;

    private final BlockingQueue<Deflater> idle = new ArrayBlockingQueue<>(KEPT_IDLE);

    private Gzip(int level) {
        this.level = level;
    }

    /** The whole body as one gzip member. */
    byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        out.writeBytes(HEADER);
        deflate(body, 0, body.length, true, out);
        CRC32 crc = new CRC32();
        crc.update(body);
        trailer(out, crc, body.length);
        return out.toByteArray();
    }

    /**
     * Raw deflate data of one part of a body, ended with a sync flush: byte-aligned and referring to nothing before
     * it, so parts compressed apart can be sent one after another (see CachedPage).
     */
    byte[] segment(byte[] part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length / 4 + 64);
        deflate(part, 0, part.length, false, out);
        return out.toByteArray();
    }

    /** {@link #segment(byte[])} of {@code length} bytes of {@code body} from {@code offset}, written to {@code out}. */
    void segment(byte[] body, int offset, int length, ByteArrayOutputStream out) {
        deflate(body, offset, length, false, out);
    }

    /** The body a gzip member holds: for the rare client that does not accept gzip. */
    static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            // Only memory is read, and it was written by gzip() above.
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Non-final stored blocks (RFC 1951 3.2.4): bytes sent as they are, between segments, each of which ends on a byte
     * boundary.
     */
    static void stored(ByteArrayOutputStream out, byte[] value, int offset, int length) {
        for (int end = offset + length; offset < end; offset += MAX_STORED_BLOCK) {
            int size = Math.min(MAX_STORED_BLOCK, end - offset);
            out.write(0);
            out.write(size & 0xff);
            out.write(size >>> 8);
            out.write(~size & 0xff);
            out.write((~size >>> 8) & 0xff);
            out.write(value, offset, size);
        }
    }

    /**
     * Ends a gzip member whose deflate data is segments (each ended with a sync flush) and stored blocks: a final
     * empty block, then the trailer over the whole uncompressed body.
     */
    static void endSegments(ByteArrayOutputStream out, CRC32 crc, long size) {
        out.writeBytes(LAST_BLOCK);
        trailer(out, crc, size);
    }

    /** The gzip trailer (RFC 1952): CRC-32 and length of the whole uncompressed body. */
    private static void trailer(ByteArrayOutputStream out, CRC32 crc, long size) {
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, (int) size);
    }

    static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }

    /** {@code last}: the end of the data (a final block), else a sync flush. */
    private void deflate(byte[] input, int offset, int length, boolean last, ByteArrayOutputStream out) {
        Deflater deflater = idle.poll();
        if (deflater == null) {
            deflater = new Deflater(level, true);
        }
        try {
            deflater.setInput(input, offset, length);
            if (last) {
                deflater.finish();
            }
            byte[] buffer = new byte[8192];
            while (true) {
                int count = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(buffer, 0, count);
                // Done when finished (last part), or when a flush left room in the buffer (all input consumed).
                if (last ? deflater.finished() : count < buffer.length && deflater.needsInput()) {
                    break;
                }
            }
        }
        finally {
            deflater.reset();
            if (!idle.offer(deflater)) {
                deflater.end();
            }
        }
    }
}
