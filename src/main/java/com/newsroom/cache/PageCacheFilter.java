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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.web.PersonalCookies;
import com.newsroom.web.StaticFiles;

/**
 * Serves public pages to readers without a session from memory, compressed once when stored, with an ETag
 * (304 when unchanged), a Cache-Control that lets a CDN keep them briefly and the Surrogate-Key header it
 * purges them by. Staff, readers with a session or a notice of their own to see (see {@link PersonalCookies}) and
 * everything under /admin always get a freshly rendered page. Readers asking for a missing page while it is being
 * rendered wait for that render ({@link PageRenders}). On every page, cached or not, {@link PageSlot} markers are
 * filled: a page rendered for one person at once, a kept page with each slot's placeholder when it leaves one, and
 * on every response otherwise.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final String SURROGATE_KEY = "Surrogate-Key";

    private static final Set<String> CACHEABLE_TYPES = Set.of("text/html", "application/atom+xml",
            "application/rss+xml", "application/xml", "text/xml", "text/plain");

    private static final Set<String> PRIVATE_PREFIXES = Set.of("/admin", "/login", "/logout", "/actuator",
            "/media/upload", "/error");

    /** Pages whose slots differ per response may be kept by no one else. */
    private static final String PER_RESPONSE_CACHE_CONTROL = "private, no-cache";

    /**
     * A page some of whose content changed while it was being rendered: it may show the old content, so it goes
     * to this reader only. A shared cache in front keeping it would keep the old page after the change's purge.
     */
    private static final String UNSHARED_CACHE_CONTROL = "private, max-age=0, must-revalidate";

    private final PageCache cache;

    private final PageSlots slots;

    private final PageRenders renders;

    private final String cacheControl;

    private final PersonalPageCompression compression;

    PageCacheFilter(PageCache cache, PageSlots slots, PageRenders renders, NewsroomProperties properties,
            PersonalPageCompression compression) {
        this.cache = cache;
        this.slots = slots;
        this.renders = renders;
        this.cacheControl = "public, max-age=0, must-revalidate, s-maxage="
                + properties.cache().sharedMaxAge().toSeconds();
        this.compression = compression;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // Static files have their own long-lived, fingerprinted caching, and hold no slots.
        return StaticFiles.at(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cacheable(request)) {
            renderWithSlotsFilled(request, response, chain);
            return;
        }
        String url = url(request);
        CachedPage cached = cache.get(url);
        if (cached != null) {
            response.setHeader("X-Cache", "HIT");
            write(request, response, cached, true);
            return;
        }
        PageRenders.Render render = renders.join(url);
        if (render.leading()) {
            try {
                renderAndKeep(request, response, chain, url, render);
            }
            finally {
                // Already done once the page was kept; this covers a render that failed.
                render.finish(null);
            }
            return;
        }
        PageRenders.Rendered shared = render.await();
        // Served as a hit would be, unless something it shows changed after its render began.
        if (shared != null && cache.isCurrent(shared.page(), shared.generation())) {
            response.setHeader("X-Cache", "HIT");
            write(request, response, shared.page(), true);
            return;
        }
        renderAndKeep(request, response, chain, url, null);
    }

    /**
     * Renders a missing page and keeps it if it may be shared. Those waiting for this render ({@code render}, if
     * any) get the page as soon as it is kept, before this reader's copy is written out.
     */
    private void renderAndKeep(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String url, PageRenders.Render render) throws ServletException, IOException {
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        // Fails closed: a response after which a session exists is never shared (its cookie may not be written yet).
        if (!cacheable(capture) || request.getSession(false) != null) {
            if (render != null) {
                render.finish(null);
            }
            fillSlots(request, capture);
            send(request, capture);
            return;
        }
        // Kept for every reader: a slot that leaves a placeholder is no longer a part that differs per response.
        byte[] body = slots.withPlaceholders(capture.getContentAsByteArray());
        CachedPage page = CachedPage.of(capture.getContentType(), body, etag(body),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), PageKeys.of(request));
        boolean current = cache.put(url, page, generation);
        if (render != null) {
            render.finish(current ? new PageRenders.Rendered(page, generation) : null);
        }
        // The page goes out as a hit would send it; what the chain wrote is dropped.
        capture.resetBuffer();
        response.setHeader("X-Cache", "MISS");
        write(request, response, page, current);
    }

    private boolean cacheable(HttpServletRequest request) {
        if (!cache.isEnabled()) {
            return false;
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = request.getRequestURI();
        for (String prefix : PRIVATE_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return !PersonalCookies.present(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /** A page rendered for this response only: its slots are filled, and it is compressed here when it should be. */
    private void renderWithSlotsFilled(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        slots.fillAtOnce(request);
        chain.doFilter(request, capture);
        fillSlots(request, capture);
        send(request, capture);
    }

    /** What was written for this response alone goes out, compressed by {@link PersonalPageCompression} if it applies. */
    private void send(HttpServletRequest request, ContentCachingResponseWrapper capture) throws IOException {
        HttpServletResponse response = (HttpServletResponse) capture.getResponse();
        byte[] body = capture.getContentAsByteArray();
        if (!compression.applies(request, response, capture.getContentType(), body.length)) {
            capture.copyBodyToResponse();
            return;
        }
        byte[] gzipped = compression.gzip(request, body);
        capture.resetBuffer();
        response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(v -> v.contains("Accept-Encoding"))) {
            response.addHeader(HttpHeaders.VARY, "Accept-Encoding");
        }
        writeBody(request, response, gzipped);
    }

    private void fillSlots(HttpServletRequest request, ContentCachingResponseWrapper capture) throws IOException {
        String type = capture.getContentType();
        if (slots.isEmpty() || type == null || !type.startsWith("text/html") || !PageSlots.markersWritten(request)) {
            return;
        }
        PageSlots.Template template = PageSlots.parse(capture.getContentAsByteArray());
        if (template.hasSlots()) {
            byte[] filled = PageSlots.join(template, slots.fill(template, request));
            capture.resetBuffer();
            capture.getOutputStream().write(filled);
        }
    }

    /** {@code shared}: whether caches in front may keep the page (false when it may be stale already). */
    private void write(HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean shared)
            throws IOException {
        response.setHeader(SURROGATE_KEY, String.join(" ", page.keys()));
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
        // A cache tier that assembles pages (Edge Side Includes) can keep one with slots: it gets an include per slot.
        boolean assembledInFront = page.hasSlots() && PageSlots.assembledInFront(request);
        if (page.hasSlots() && !assembledInFront) {
            // Every response differs: no entity tag to revalidate against, and no shared copy.
            response.setHeader(HttpHeaders.CACHE_CONTROL, PER_RESPONSE_CACHE_CONTROL);
        }
        else {
            if (assembledInFront) {
                response.setHeader(PageSlots.SURROGATE_CONTROL, PageSlots.ESI_CONTENT);
            }
            response.setHeader(HttpHeaders.ETAG, page.etag());
            response.setHeader(HttpHeaders.CACHE_CONTROL, shared ? cacheControl : UNSHARED_CACHE_CONTROL);
            if (notModified(request, page)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        byte[][] values = !page.hasSlots() ? new byte[0][]
                : assembledInFront ? PageSlots.includes(page.template()) : slots.fill(page.template(), request);
        byte[] body;
        if (acceptsGzip(request)) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = page.gzip(values);
        }
        else {
            body = page.plain(values);
        }
        writeBody(request, response, body);
    }

    /** The body with its length; for HEAD the length alone. */
    private static void writeBody(HttpServletRequest request, HttpServletResponse response, byte[] body)
            throws IOException {
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
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
     * Only complete, public, successful responses with no cookie of their own are shared (and, checked by the
     * caller, none after which a session exists).
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

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            // Weak: the same page travels gzipped or not.
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String url(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }
}
