package com.newsroom.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.newsroom.testsupport.SiteClient;

/** A browser-like conversation over real HTTP: keeps the session cookie and sends the CSRF token with forms. */
public final class HttpSignIn {

    private final SiteClient site;

    private String sessionCookie;

    public HttpSignIn(SiteClient site) {
        this.site = site;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    public SiteClient.Page get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Accept", SiteClient.BROWSER_ACCEPT).GET();
        return remember(site.send(withCookie(request)));
    }

    /** Posts a form, taking the CSRF token from the page at {@code formPage} first. */
    public SiteClient.Page post(String formPage, String path, Map<String, String> fields) {
        String token = get(formPage).html().select("input[name=_csrf]").attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return postRaw(path, all);
    }

    public SiteClient.Page postRaw(String path, Map<String, String> fields) {
        return postEncoded(path, fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** Posts an already encoded form body, for repeated fields such as a selection of checkboxes. */
    public SiteClient.Page postEncoded(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Accept", SiteClient.BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return remember(site.send(withCookie(request)));
    }

    /** A multipart/form-data upload of one file plus fields; the CSRF token goes in the address, as the form sends it. */
    public SiteClient.Page upload(String formPage, String path, Map<String, String> fields, String fileField,
            String fileName, String contentType, byte[] content) {
        String token = get(formPage).html().select("input[name=_csrf]").attr("value");
        String boundary = "----newsroom" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> write = text -> body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write.accept("\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path + "?_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Accept", SiteClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return remember(site.send(withCookie(request)));
    }

    /** Sends the sign-in form; the answer may be a refusal, for tests of refusals. */
    public SiteClient.Page signIn(String login, String password) {
        return post("/login", "/login", Map.of("username", login, "password", password));
    }

    /**
     * Signs in and checks that it worked: the sign-in sends the person on to /admin (not back to /login), and
     * /admin then shows them signed in. Returns the name the page shows.
     */
    public String signInAs(String login, String password) {
        SiteClient.Page answer = signIn(login, password);
        if (answer.status() != 302 || !String.valueOf(answer.header("Location")).endsWith("/admin")) {
            throw new AssertionError("Sign-in as " + login + " failed: " + answer.status() + " to "
                    + answer.header("Location"));
        }
        return signedInName();
    }

    /** The name /admin shows as signed in; fails when /admin is not shown (signed out, sent to /login). */
    public String signedInName() {
        SiteClient.Page admin = get("/admin");
        String name = admin.html().select(".signed-in-as").text();
        if (admin.status() != 200 || name.isBlank()) {
            throw new AssertionError("Not signed in: /admin answered " + admin.status() + " "
                    + admin.header("Location"));
        }
        return name;
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        return sessionCookie == null ? request : request.header("Cookie", "SESSION=" + sessionCookie);
    }

    private SiteClient.Page remember(SiteClient.Page page) {
        page.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .ifPresent(c -> sessionCookie = c.substring("SESSION=".length(), c.indexOf(';')));
        return page;
    }
}
