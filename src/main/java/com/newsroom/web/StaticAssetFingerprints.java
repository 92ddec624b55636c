package com.newsroom.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.DigestUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Fingerprinted links to static files (/css, /js, /img), from a manifest computed once at start-up. Spring's
 * own ResourceUrlEncodingFilter resolves every link a template writes against the static resources, and inside
 * the packaged jar each miss (every page link is one) costs a nested-jar lookup that is never cached: most of
 * a listing's rendering time. Here a link is one map lookup. The names are those Spring's content version
 * strategy serves ({@code site-<md5>.css}), so the resource handler still answers them.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetFingerprints {

    private static final String[] FOLDERS = { "css", "js", "img" };

    /** Takes the place of Boot's ResourceUrlEncodingFilter (it backs off when one is defined). */
    @Bean
    ResourceUrlEncodingFilter fingerprintedStaticLinks() {
        return new ManifestFilter(manifest());
    }

    static Map<String, String> manifest() {
        var resolver = new PathMatchingResourcePatternResolver();
        Map<String, String> manifest = new HashMap<>();
        try {
            for (String folder : FOLDERS) {
                for (Resource resource : resolver.getResources("classpath*:static/" + folder + "/**")) {
                    if (!resource.isReadable() || resource.getFilename() == null
                            || resource.getFilename().isEmpty()) {
                        continue;
                    }
                    String url = resource.getURL().toString();
                    int start = url.lastIndexOf("/static/" + folder + "/");
                    if (start < 0 || url.endsWith("/")) {
                        continue;
                    }
                    String path = url.substring(start + "/static".length());
                    manifest.put(path, versioned(path, resource));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Reading the static files for their fingerprints failed", ex);
        }
        return Map.copyOf(manifest);
    }

    private static String versioned(String path, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            String hash = DigestUtils.md5DigestAsHex(in);
            String extension = StringUtils.getFilenameExtension(path);
            return StringUtils.stripFilenameExtension(path) + "-" + hash + (extension == null ? "" : "." + extension);
        }
    }

    private static final class ManifestFilter extends ResourceUrlEncodingFilter {

        private final Map<String, String> manifest;

        ManifestFilter(Map<String, String> manifest) {
            this.manifest = manifest;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (response instanceof HttpServletResponse http) {
                chain.doFilter(request, new HttpServletResponseWrapper(http) {
                    @Override
                    public String encodeURL(String url) {
                        return super.encodeURL(fingerprinted(url));
                    }
                });
                return;
            }
            chain.doFilter(request, response);
        }

        private String fingerprinted(String url) {
            if (!(url.startsWith("/css/") || url.startsWith("/js/") || url.startsWith("/img/"))) {
                return url;
            }
            int end = url.length();
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '?' || c == '#') {
                    end = i;
                    break;
                }
            }
            String versioned = manifest.get(url.substring(0, end));
            return versioned == null ? url : versioned + url.substring(end);
        }
    }
}
