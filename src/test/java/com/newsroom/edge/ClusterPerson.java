package com.newsroom.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.newsroom.testsupport.CommentFormScript;

/**
 * One person talking to the cluster over real HTTP: to Varnish, or straight to one instance. With
 * cookies (staff, a reader who commented) or without (an anonymous reader, whose pages Varnish may cache).
 * Cookies ignore ports, so a session signed in on one instance travels to the other, as behind a load
 * balancer.
 */
final class ClusterPerson {

    private final HttpClient http;

    private ClusterPerson(HttpClient http) {
        this.http = http;
    }

    static ClusterPerson withCookies() {
        return new ClusterPerson(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build());
    }

    static ClusterPerson anonymous() {
        return new ClusterPerson(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    HttpResponse<String> get(String base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> send(String method, String base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    Document page(String base, String path) {
        HttpResponse<String> response = get(base, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + base + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), base + path);
    }

    HttpResponse<String> post(String base, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The page as a browser has it once the reader starts writing: a form token the cache tier left empty
     * (comment.CommentFormSlot) fetched from where the page says, as js/comment-form.js does.
     */
    Document startWriting(String base, Document page) {
        for (Element form : page.select("form:has(input[name=token][data-token-from])")) {
            CommentFormScript.startWriting(form, address -> {
                HttpResponse<String> fetched = get(base, address);
                return new CommentFormScript.Answer(fetched.statusCode(), fetched.body());
            });
        }
        return page;
    }

    /** Sends the form matched by {@code selector} as shown (hidden tokens included), some values replaced. */
    HttpResponse<String> submit(String base, Document page, String selector, Map<String, String> values) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on " + page.location());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            if (input.is("input[type=checkbox], input[type=radio]") && !input.hasAttr("checked")) {
                continue;
            }
            if (input.is("select")) {
                Element option = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), option == null ? "" : option.attr("value"));
            }
            else {
                fields.put(input.attr("name"), input.is("textarea") ? input.wholeText() : input.attr("value"));
            }
        }
        fields.putAll(values);
        return post(base, URI.create(form.absUrl("action")).getRawPath(), fields);
    }

    /** Signs in on the instance (or Varnish) at {@code base}; the session is kept in PostgreSQL. */
    void signIn(String base, String username, String password) {
        Document login = page(base, "/login");
        HttpResponse<String> response = submit(base, login, "form.login-form",
                Map.of("username", username, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Signing in as " + username + " answered " + response.statusCode() + " " + location);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
