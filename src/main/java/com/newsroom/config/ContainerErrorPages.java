package com.newsroom.config;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Some requests are refused by Tomcat before the application sees them: malformed percent-encoding or
 * invalid UTF-8 in the path, encoded slashes, request lines over the size limit. Instead of Tomcat's bare
 * report they get a small page in the site's style (its stylesheet, a heading, a link home) with the same
 * hardening headers as every other response. Nothing from the request or the error is echoed.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            // By now every customizer (Boot's adds a plain ErrorReportValve) has run: replace them all.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof SiteErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof org.apache.catalina.core.StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(SiteErrorReportValve.class.getName());
                }
                boolean present = false;
                for (Valve valve : host.getPipeline().getValves()) {
                    present |= valve instanceof SiteErrorReportValve;
                }
                if (!present) {
                    host.getPipeline().addValve(new SiteErrorReportValve());
                }
            }
        }));
    }

    /** Tomcat's error report, written as a static page in the site's style. */
    public static class SiteErrorReportValve extends ErrorReportValve {

        public SiteErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String[] words = switch (status) {
                case 400 -> new String[] { "Bad request",
                        "That address or form could not be understood. Please check it and try again." };
                case 404 -> new String[] { "Page not found",
                        "We could not find that page. It may have been moved or never existed." };
                case 413, 414, 431 -> new String[] { "Too large", "What you sent is larger than we accept." };
                default -> status >= 500
                        ? new String[] { "Something went wrong",
                                "Sorry, something went wrong on our side. Please try again in a moment." }
                        : new String[] { "Request not accepted", "That request could not be handled." };
            };
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("utf-8");
                response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
                response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("""
                            <!DOCTYPE html>
                            <html lang="en">
                            <head>
                              <meta charset="utf-8">
                              <meta name="viewport" content="width=device-width, initial-scale=1">
                              <meta name="robots" content="noindex">
                              <title>%2$s</title>
                              <link rel="stylesheet" href="/css/site.css">
                            </head>
                            <body>
                            <main id="main" class="wrap error-page">
                              <p class="error-status">%1$d</p>
                              <h1>%2$s</h1>
                              <p>%3$s</p>
                              <p><a href="/">Go to the front page</a></p>
                            </main>
                            </body>
                            </html>
                            """.formatted(status, words[0], words[1]));
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException ex) {
                // The client is gone or the response cannot take a body: the status alone has to do.
            }
        }
    }
}
