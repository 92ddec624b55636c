package com.newsroom.cache;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.server.Compression;
import org.springframework.http.HttpHeaders;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Compresses a page rendered for one response only (staff, readers holding a session). Tomcat's own compression has
 * a fixed level (6): on the uncached article page it took a sixth of the request thread's CPU (async-profiler).
 * <p>
 * Most of such a page is parts kept as rendered ({@code nr:cache}, {@link RenderedFragments}): its head, the
 * article, the comments, a whole listing. Each large one is compressed once, at zlib's default level, and its deflate
 * segment goes into every page that shows it; only what lies between them (the comment form, the header with the
 * reader's name, ...) is compressed per response, at zlib's fastest level, the trade nginx makes by default. Each part
 * is found in the page by its bytes, so what is sent is always exactly what was rendered: a part not found where
 * expected is compressed with the rest. Pages kept in the page cache are compressed whole, once, when stored.
 * <p>
 * Follows the server's compression settings ({@code server.compression.*}): nothing when they are off, the same
 * types and the same minimum size. Tomcat leaves a response that already has a {@code Content-Encoding} alone.
 */
final class PersonalPageCompression {

    /**
     * Below this many bytes, what lies between two parts is sent stored: a deflate block's own header and code tables
     * outweigh what compressing so little saves.
     */
    private static final int STORED_BELOW = 256;

    private final boolean enabled;

    private final List<MimeType> types;

    private final long minimumBytes;

    private final RenderedFragments parts;

    PersonalPageCompression(Compression settings, RenderedFragments parts) {
        this.parts = parts;
        this.enabled = settings.getEnabled();
        this.types = Arrays.stream(settings.getAllMimeTypes()).map(MimeTypeUtils::parseMimeType).toList();
        this.minimumBytes = settings.getMinResponseSize().toBytes();
    }

    /** Whether this body, written for this request, goes out compressed by this class. */
    boolean applies(HttpServletRequest request, HttpServletResponse response, String contentType, int length) {
        return enabled && length >= minimumBytes && contentType != null && !response.isCommitted()
                && response.getHeader(HttpHeaders.CONTENT_ENCODING) == null && compressible(contentType)
                && PageCacheFilter.acceptsGzip(request);
    }

    private boolean compressible(String contentType) {
        try {
            MimeType type = MimeTypeUtils.parseMimeType(contentType);
            return types.stream().anyMatch(type::equalsTypeAndSubtype);
        }
        catch (InvalidMimeTypeException ex) {
            return false;
        }
    }

    /** The body as one gzip member, the large parts this request wrote compressed already. */
    byte[] gzip(HttpServletRequest request, byte[] body) {
        return gzip(body, parts.deflatedParts(request));
    }

    /**
     * {@code body} as one gzip member: each of {@code deflated} found in it, in their order, as its segment, and the
     * bytes between them compressed here.
     */
    static byte[] gzip(byte[] body, List<DeflatedPart> deflated) {
        if (deflated.isEmpty()) {
            return Gzip.FASTEST.gzip(body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        out.writeBytes(Gzip.HEADER);
        int from = 0;
        for (DeflatedPart part : deflated) {
            int at = Bytes.indexOf(body, part.plain(), from);
            if (at >= 0) {
                between(out, body, from, at);
                out.writeBytes(part.deflated());
                from = at + part.plain().length;
            }
        }
        between(out, body, from, body.length);
        CRC32 crc = new CRC32();
        crc.update(body);
        Gzip.endSegments(out, crc, body.length);
        return out.toByteArray();
    }

    /** What lies between two parts: a few bytes (a new line, a closing tag) cost less stored than compressed. */
    private static void between(ByteArrayOutputStream out, byte[] body, int from, int to) {
        int length = to - from;
        if (length >= STORED_BELOW) {
            Gzip.FASTEST.segment(body, from, length, out);
        }
        else if (length > 0) {
            Gzip.stored(out, body, from, length);
        }
    }
}
