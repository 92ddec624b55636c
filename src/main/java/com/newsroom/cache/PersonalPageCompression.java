package com.newsroom.cache;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.server.Compression;
import org.springframework.http.HttpHeaders;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Compresses a page rendered for one response only (staff, readers holding a session) at zlib's fastest level.
 * Tomcat's own compression has a fixed level (6): on the uncached article page it took a sixth of the request
 * thread's CPU (async-profiler). The fastest level costs a fraction of that for a somewhat larger body, the trade
 * nginx makes by default. Pages kept in the page cache are compressed once, at zlib's default level, when stored.
 * <p>
 * Follows the server's compression settings ({@code server.compression.*}): nothing when they are off, the same
 * types and the same minimum size. Tomcat leaves a response that already has a {@code Content-Encoding} alone.
 */
final class PersonalPageCompression {

    private final boolean enabled;

    private final List<MimeType> types;

    private final long minimumBytes;

    PersonalPageCompression(Compression settings) {
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

    static byte[] gzip(byte[] body) {
        return Gzip.FASTEST.gzip(body);
    }
}
