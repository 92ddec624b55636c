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

    public SiteClient.Page signIn(String login, String password) {
        return post("/login", "/login", Map.of("username", login, "password", password));
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
