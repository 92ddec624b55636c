package com.newsroom.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests the servlet container cannot even take apart are the sender's fault, not ours: a multipart body
 * without a boundary or with broken parts, or parameters that cannot be decoded, answer the site's 400 page,
 * a body over the size limit its 413 page.
 * (Spring MVC's own resolver already turns wrong methods, media types, missing or mistyped parameters into
 * 405, 415 and 400; this covers what it leaves as a 500.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequests implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        int status;
        if (ex instanceof MaxUploadSizeExceededException) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        }
        else if (ex instanceof MultipartException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
        }
        else if (ex instanceof InvalidParameterException invalid) {
            // Tomcat could not decode the query string or form (bad percent-encoding, invalid UTF-8, too many
            // parameters): the sender's mistake, answered without an error in the log.
            status = invalid.getErrorCode() >= 400 && invalid.getErrorCode() < 500 ? invalid.getErrorCode()
                    : HttpServletResponse.SC_BAD_REQUEST;
        }
        else {
            return null;
        }
        try {
            response.sendError(status);
        }
        catch (IOException ignored) {
            // The client went away; nothing to show.
        }
        return new ModelAndView();
    }
}
