package com.newsroom.cache;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.newsroom.config.NewsroomProperties;

/**
 * Serves public pages to readers without a session from memory, with an ETag (304 when unchanged) and a
 * Cache-Control that lets a CDN keep them briefly. Staff, readers with a session (someone who just
 * commented) and everything under /admin always get a freshly rendered page.
 */
class PageCacheFilter extends OncePerRequestFilter {

    private static final Set<String> CACHEABLE_TYPES = Set.of("text/html", "application/atom+xml",
            "application/rss+xml", "application/xml", "text/xml", "text/plain");

    private static final Set<String> SESSION_COOKIES = Set.of("SESSION", "JSESSIONID");

    private static final Set<String> PRIVATE_PREFIXES = Set.of("/admin", "/login", "/logout", "/actuator",
            "/media/upload", "/error");

    private final PageCache cache;

    private final String cacheControl;

    PageCacheFilter(PageCache cache, NewsroomProperties properties) {
        this.cache = cache;
        this.cacheControl = "public, max-age=0, must-revalidate, s-maxage="
                + properties.cache().sharedMaxAge().toSeconds();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!cache.isEnabled()) {
            return true;
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return true;
        }
        String path = request.getRequestURI();
        for (String prefix : PRIVATE_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        // Static files have their own long-lived, fingerprinted caching.
        if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/media/")) {
            return true;
        }
        return hasSession(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        CachedPage cached = cache.get(key);
        if (cached != null) {
            response.setHeader("X-Cache", "HIT");
            write(request, response, cached);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        CachedPage page = cacheable(capture) && request.getSession(false) == null ? page(capture) : null;
        if (page == null) {
            capture.copyBodyToResponse();
            return;
        }
        cache.put(key, page, generation);
        capture.resetBuffer();
        response.setHeader("X-Cache", "MISS");
        write(request, capture, page);
        capture.copyBodyToResponse();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, CachedPage page)
            throws IOException {
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(page.body());
        }
    }

    private static boolean notModified(HttpServletRequest request, CachedPage page) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(page.etag())
                        || ("W/" + candidate).equals(page.etag())) {
                    return true;
                }
            }
            return false;
        }
        long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        return since != -1 && page.lastModified().toEpochMilli() <= since;
    }

    /**
     * Only complete, public, successful responses with no cookie of their own, after which no session exists
     * (the session cookie may not be written yet), are shared.
     */
    private static boolean cacheable(ContentCachingResponseWrapper response) {
        if (response.getStatus() != HttpServletResponse.SC_OK || response.getHeader(HttpHeaders.SET_COOKIE) != null) {
            return false;
        }
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && (cacheControl.contains("private") || cacheControl.contains("no-store"))) {
            return false;
        }
        String type = response.getContentType();
        if (type == null) {
            return false;
        }
        String mediaType = type.split(";", 2)[0].strip().toLowerCase();
        return CACHEABLE_TYPES.contains(mediaType);
    }

    private static CachedPage page(ContentCachingResponseWrapper capture) {
        byte[] body = capture.getContentAsByteArray();
        return new CachedPage(capture.getContentType(), body, etag(body),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            // Weak: the same page may travel gzipped or not, and Tomcat only compresses weakly tagged responses.
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static boolean hasSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIES.contains(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
