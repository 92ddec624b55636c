package com.newsroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Real HTTP against the running test server, following no redirects. Error pages only exist over real
 * HTTP: MockMvc never dispatches to the error page.
 */
@TestComponent
public class SiteClient {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Environment environment;

    SiteClient(Environment environment) {
        this.environment = environment;
    }

    /** A reader (or member of staff) with their own cookies, for forms and sessions. */
    public Visitor visitor() {
        return new Visitor(this, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** Browsers' own Accept header, so error pages come back as HTML as they would to a reader. */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", BROWSER_ACCEPT).GET());
    }

    public Page send(HttpRequest.Builder request) {
        return send(http, request);
    }

    Page send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A response with its body parsed as HTML. */
    public record Page(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return response.body();
        }

        public Document html() {
            return Jsoup.parse(response.body());
        }
    }
}
