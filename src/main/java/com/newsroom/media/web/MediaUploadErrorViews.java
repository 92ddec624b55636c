package com.newsroom.media.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

import com.newsroom.media.MediaLibrary;

/**
 * An upload over the size limit is refused by the servlet container before any controller runs; instead of
 * a bare error page the editor gets the upload form again, with the limit explained (status 413).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaUploadErrorViews implements ErrorViewResolver {

    private final MediaLibrary library;

    private final DataSize maxUpload;

    MediaUploadErrorViews(MediaLibrary library,
            @Value("${spring.servlet.multipart.max-file-size:8MB}") DataSize maxUpload) {
        this.library = library;
        this.maxUpload = maxUpload;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // The editor's script reads the status of its own uploads (/admin/media/uploads) and says what it means.
        if (status != HttpStatus.CONTENT_TOO_LARGE || uri == null || !uri.toString().startsWith("/admin/media")
                || uri.toString().startsWith("/admin/media/uploads")
                || !(request.isUserInRole("EDITOR") || request.isUserInRole("ADMIN"))) {
            return null;
        }
        var items = library.recent(null, 48);
        return new ModelAndView("admin/media/list", Map.of("items", items, "uploadError", "admin.media.tooLarge",
                "maxUploadMb", maxUpload.toMegabytes()), status);
    }
}
