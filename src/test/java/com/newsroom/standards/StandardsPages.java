package com.newsroom.standards;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.newsroom.account.HttpSignIn;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.testsupport.SiteClient;

/** Fetches each page type's HTML over real HTTP, as a reader or a signed-in administrator. */
final class StandardsPages {

    private final SiteClient site;

    private final PageTypes.Fixture fixture;

    private HttpSignIn staff;

    StandardsPages(SiteClient site, PageTypes.Fixture fixture) {
        this.site = site;
        this.fixture = fixture;
    }

    SiteClient.Page fetch(PageTypes.PageType page) {
        // A fragment only matters to the page's script (which opens a dialog, say); HTTP never sends it.
        String path = page.resolvedPath(fixture).split("#", 2)[0];
        if (page.staff()) {
            if (staff == null) {
                staff = new HttpSignIn(site);
                staff.signInAs(PageTypes.STAFF_LOGIN, StaffFixtures.PASSWORD);
            }
            if (page.form() != null) {
                // The page the staff form leads to (with what the session carries over: a notice, say).
                SiteClient.Page sent = staff.post(page.formPage(), path, page.form());
                String location = sent.header("Location");
                return staff.get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
            }
            return staff.get(path);
        }
        if (page.form() != null) {
            String body = page.form().entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                    .header("Accept", SiteClient.BROWSER_ACCEPT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", site.baseUrl())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        return site.get(path);
    }
}
