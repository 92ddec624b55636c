package com.newsroom.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.newsroom.testsupport.SiteClient.Page;

/**
 * One person's browsing over real HTTP, cookies kept: fetch a page, fill in one of its forms as shown
 * (hidden fields such as tokens included) and send it, as a browser without JavaScript would.
 */
public final class Visitor {

    private final SiteClient site;

    private final HttpClient http;

    Visitor(SiteClient site, HttpClient http) {
        this.site = site;
        this.http = http;
    }

    public Page get(String path) {
        return getWithHeaders(path, Map.of());
    }

    public Page getWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Accept", SiteClient.BROWSER_ACCEPT).GET();
        headers.forEach(request::header);
        return site.send(http, request);
    }

    /**
     * Sends the form matched by {@code formSelector} with its current values, some replaced, as a browser running
     * the page's script does: a token the kept page left empty is fetched first (see {@link #startWriting}).
     */
    public Page submit(Document page, String formSelector, Map<String, String> values) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on the page");
        }
        startWriting(form);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            if (input.is("input[type=checkbox], input[type=radio]") && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.is("textarea") ? input.wholeText()
                    : input.is("select") ? selected(input) : input.attr("value");
            fields.put(input.attr("name"), value);
        }
        fields.putAll(values);
        // As a browser: the fragment of the action names where to land afterwards and is never sent.
        String action = form.attr("action");
        return post(action.contains("#") ? action.substring(0, action.indexOf('#')) : action, fields);
    }

    /** What the page's script does once the reader starts writing in {@code form} (see {@link CommentFormScript}). */
    public String startWriting(Element form) {
        return CommentFormScript.startWriting(form, address -> {
            Page fetched = get(address);
            return new CommentFormScript.Answer(fetched.status(), fetched.body());
        });
    }

    public Page post(String path, Map<String, String> fields) {
        return postWithHeaders(path, fields, Map.of());
    }

    public Page postWithHeaders(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Accept", SiteClient.BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return site.send(http, request);
    }

    private static String selected(Element select) {
        Element option = select.selectFirst("option[selected]");
        return option == null ? "" : option.attr("value");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
