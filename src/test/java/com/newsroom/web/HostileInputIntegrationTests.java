package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.AccountService;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.account.StaffFixtures;
import com.newsroom.article.Article;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.RawHttp;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Hostile and malformed input thrown at every public and staff endpoint: each case must end in a readable
 * answer below 500 (a 4xx where the input is refused), with no stack trace or exception name in the body, and
 * must leave every stored row as it was. Endpoints are listed once below; adding a page is adding a line.
 * The number of cases tried is in the display names and logged at the end.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(HostileInputIntegrationTests.class);

    private static final String SLUG = "hostile-story";

    /** Public pages; {slug} is replaced by hostile strings, a real slug otherwise. {paged}: takes ?page=. */
    static final List<Endpoint> PUBLIC_PAGES = List.of(
            new Endpoint("/", false),
            new Endpoint("/latest", true),
            new Endpoint("/articles/{slug}", false),
            new Endpoint("/category/{slug}", true),
            new Endpoint("/tag/{slug}", true),
            new Endpoint("/author/{slug}", true),
            // Search pages by number (capped), with no cursor: its page numbers are checked in SearchIntegrationTests.
            new Endpoint("/search", false),
            new Endpoint("/feed.atom", false),
            new Endpoint("/feed.rss", false),
            new Endpoint("/category/{slug}/feed.atom", false),
            new Endpoint("/tag/{slug}/feed.rss", false),
            new Endpoint("/sitemap.xml", false),
            new Endpoint("/robots.txt", false),
            new Endpoint("/login", false));

    /** Staff pages, requested with an administrator's session; {id} is the held comment. */
    static final List<Endpoint> STAFF_PAGES = List.of(
            new Endpoint("/admin", false),
            new Endpoint("/admin/comments", true),
            new Endpoint("/admin/comments/{id}", false),
            // The admin list pages by cursor only (?after=), never by ?page=.
            new Endpoint("/admin/articles", false),
            new Endpoint("/admin/tags", false),
            new Endpoint("/admin/articles/new", false),
            new Endpoint("/admin/categories", false),
            new Endpoint("/admin/media", false),
            new Endpoint("/admin/settings", false),
            new Endpoint("/admin/staff", false),
            new Endpoint("/admin/audit", false),
            new Endpoint("/admin/profile", false));

    /** Staff forms: a valid field set, so each case changes one thing. */
    static final List<Form> STAFF_FORMS = List.of(
            new Form("/admin/comments/{id}/decide", Map.of("decision", "APPROVE")),
            new Form("/admin/comments/bulk", Map.of("ids", "{id}", "action", "APPROVE")),
            new Form("/admin/comments/{id}/edit", Map.of("body", "Edited text")),
            new Form("/admin/comments/{id}/reply", Map.of("body", "A staff reply")),
            new Form("/logout", Map.of()));

    /** Public forms (no session CSRF: the comment form carries a signed token instead). */
    static final List<Form> PUBLIC_FORMS = List.of(
            new Form("/articles/{slug}/comments",
                    // No email: a comment that is never valid, so no hostile case can be stored as a real one.
                    Map.of("name", "Ada", "email", "", "body", "Hello", "token", "forged")),
            new Form("/login", Map.of("username", "nobody", "password", "wrong")));

    static final List<String> INJECTIONS = List.of("' or 1=1--", "1; drop table articles;--", "\" OR \"\"=\"",
            "${7*7}", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "[[${7*7}]]", "*{7*7}", "#{7*7}",
            "<script>alert(1)</script>", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\u0000",
            "%00", "\uD83D\uDCA9\u202E", "a".repeat(5000));

    static final List<String> PAGE_NUMBERS = List.of("99999999999999999999", "1000001", "2147483648", "-1",
            "0", "1e9", "0x10", " 1", "1.5", "NaN");

    static final List<String> RAW_MALFORMED = List.of("%ZZ", "%", "%C3%28", "%FF%FE", "%C0%AE%C0%AE", "%ED%A0%80",
            "%E2%82", "\u00ff\u00fe");

    static final List<String> STATIC_TRAVERSAL = List.of("/css/../application.properties",
            "/css/..%2f..%2fapplication.properties", "/css/%2e%2e/%2e%2e/application.properties",
            "/css/..;/..;/application.properties", "/img/%2e%2e%5c%2e%2e%5capplication.properties",
            "/css/site.css%00.html", "/css/%252e%252e/application.properties", "/application.properties",
            "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/db/migration/V1__create_content_model.sql",
            "/templates/layout/site.html", "/css/../../../../../../etc/passwd", "/img/..%c0%af..%c0%afetc/passwd",
            "/css//..//..//etc/passwd", "/../../../etc/passwd", "/articles/..%2f..%2fetc%2fpasswd");

    /** Forwarded headers as a client (not a proxy) might forge them. */
    static final Map<String, String> SPOOFED_FORWARDING = Map.of("X-Forwarded-For", "127.0.0.1, <script>alert(1)</script>",
            "X-Forwarded-Host", "evil.example:99999", "X-Forwarded-Prefix", "/../admin", "X-Forwarded-Proto",
            "javascript", "Forwarded", "for=\"[::1]\";proto=https;host=evil.example", "X-Forwarded-Port", "-1");

    /** Tables whose rows legitimately change with any request: sessions, throttles, rate windows, secrets. */
    static final List<String> VOLATILE_TABLES = List.of("spring_session", "spring_session_attributes",
            "login_attempts", "rate_limit_counters", "app_secrets", "flyway_schema_history");

    private static final AtomicInteger CASES = new AtomicInteger();

    /** Refusals answered without the site's page (status only, empty body), listed in the log. */
    private static final List<String> CONTAINER_ANSWERS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Which answers the cases got, by status, for the log line. */
    private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

    record Endpoint(String path, boolean paged) {
    }

    record Form(String path, Map<String, String> fields) {
    }

    enum Expect {
        /** The input is refused: a 4xx. */
        REFUSED,
        /** A method the address does not accept: 405. */
        NOT_ALLOWED,
        /** The input may be ignored (a page that takes no such parameter): anything but a server error. */
        HARMLESS
    }

    record Case(String label, String method, String target, Map<String, String> headers, byte[] body,
            boolean asStaff, Expect expect) {
    }

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    Comment held;

    HttpSignIn admin;

    String csrf;

    @BeforeEach
    void aSiteWithContentAndAnAdministrator() {
        content.reset();
        var category = content.category("World");
        var tag = content.tag("Energy");
        var author = content.author("Jo Writer");
        Article article = content.article("Hostile story").slug(SLUG).in(category).tagged(tag).by(author)
                .published();
        held = content.comment(article, null, "Ada Reader", "Is there a source?", CommentStatus.PENDING);
        transaction.executeWithoutResult(status -> StaffFixtures.create(accounts, "Hostile Admin", Role.ADMIN));
        admin = new HttpSignIn(site);
        assertThat(admin.signIn("hostile.admin", StaffFixtures.PASSWORD).status()).isEqualTo(302);
        csrf = admin.get("/admin").html().select("input[name=_csrf]").attr("value");
        assertThat(csrf).isNotBlank();
    }

    @AfterAll
    static void count() {
        log.info("Hostile input suite tried {} cases; answers by status: {}", CASES.get(), STATUSES);
        log.info("{} answered with a status and no page: {}", CONTAINER_ANSWERS.size(), CONTAINER_ANSWERS);
    }

    @TestFactory
    Stream<DynamicTest> hostileInputIsRefusedWithAReadablePageAndChangesNothing() {
        List<Case> cases = cases();
        return cases.stream().map(c -> DynamicTest.dynamicTest(
                "#" + (cases.indexOf(c) + 1) + "/" + cases.size() + " " + c.label(), () -> run(c)));
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<Endpoint> pages = new ArrayList<>();
        PUBLIC_PAGES.forEach(pages::add);
        STAFF_PAGES.forEach(pages::add);
        for (Endpoint page : pages) {
            boolean staff = STAFF_PAGES.contains(page);
            String real = resolve(page.path());
            // Injection strings in path variables: an unknown slug or id is a 404 (or 400), never evaluated.
            if (page.path().contains("{slug}") || page.path().contains("{id}")) {
                for (String hostile : INJECTIONS) {
                    String target = page.path().replace("{slug}", encodePath(hostile))
                            .replace("{id}", encodePath(hostile));
                    cases.add(get("path injection " + abbreviate(hostile), target, staff, Expect.REFUSED));
                }
            }
            // Injection strings and absurd numbers in the query string.
            for (String hostile : INJECTIONS) {
                for (String parameter : List.of("page", "after", "before")) {
                    cases.add(get(parameter + "=" + abbreviate(hostile) + " on " + page.path(),
                            real + "?" + parameter + "=" + encodeQuery(hostile), staff,
                            page.paged() ? Expect.REFUSED : Expect.HARMLESS));
                }
            }
            for (String number : PAGE_NUMBERS) {
                cases.add(get("page=" + number + " on " + page.path(), real + "?page=" + encodeQuery(number), staff,
                        page.paged() ? Expect.REFUSED : Expect.HARMLESS));
            }
            // Malformed percent-encoding and invalid UTF-8, raw on the wire.
            for (String malformed : RAW_MALFORMED) {
                cases.add(get("raw query " + malformed + " on " + page.path(), real + "?page=" + malformed, staff,
                        page.paged() ? Expect.REFUSED : Expect.HARMLESS));
                cases.add(get("raw path " + malformed + " under " + page.path(), real + "/" + malformed, staff,
                        Expect.REFUSED));
            }
            // Wrong methods: the site's 405 page.
            for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE")) {
                cases.add(new Case(method + " " + page.path(), method, real, browserHeaders(), new byte[0], staff,
                        Expect.NOT_ALLOWED));
            }
            // Oversized request line and headers.
            cases.add(get("20 KB query on " + page.path(), real + "?q=" + "x".repeat(20_000), staff,
                    Expect.REFUSED));
            Map<String, String> bigHeader = browserHeaders();
            bigHeader.put("X-Padding", "y".repeat(20_000));
            cases.add(new Case("20 KB header on " + page.path(), "GET", real, bigHeader, null, staff,
                    Expect.REFUSED));
            Map<String, String> manyHeaders = browserHeaders();
            for (int i = 0; i < 150; i++) {
                manyHeaders.put("X-Many-" + i, "v");
            }
            cases.add(new Case("150 headers on " + page.path(), "GET", real, manyHeaders, null, staff,
                    Expect.REFUSED));
        }
        for (String traversal : STATIC_TRAVERSAL) {
            cases.add(get("traversal " + traversal, traversal, false, Expect.REFUSED));
        }
        // Forwarded headers from a client that is no trusted proxy: ignored, whatever they hold.
        for (var spoof : SPOOFED_FORWARDING.entrySet()) {
            for (String page : List.of("/", resolve("/articles/{slug}"), "/feed.atom", "/login")) {
                Map<String, String> headers = browserHeaders();
                headers.put(spoof.getKey(), spoof.getValue());
                cases.add(new Case(spoof.getKey() + ": " + abbreviate(spoof.getValue()) + " on " + page, "GET", page,
                        headers, null, false, Expect.HARMLESS));
            }
        }
        List<Form> forms = new ArrayList<>();
        PUBLIC_FORMS.forEach(forms::add);
        STAFF_FORMS.forEach(forms::add);
        for (Form form : forms) {
            boolean staff = STAFF_FORMS.contains(form);
            String path = resolve(form.path());
            Map<String, String> fields = resolveFields(form.fields());
            // Wrong content types (the CSRF token travels in its header, so the content type itself is judged).
            for (String type : List.of("application/json", "text/xml", "text/plain", "multipart/form-data",
                    "application/x-www-form-urlencoded; charset=no-such-charset", "application/octet-stream")) {
                Map<String, String> headers = browserHeaders();
                headers.put("Content-Type", type);
                if (staff) {
                    headers.put("X-CSRF-TOKEN", csrf);
                }
                String body = type.contains("json") ? "{\"body\":\"${7*7}\"}" : "<a>' or 1=1--</a>";
                cases.add(new Case(type + " to " + form.path(), "POST", path, headers,
                        body.getBytes(StandardCharsets.UTF_8), staff,
                        form.path().equals("/logout") ? Expect.HARMLESS : Expect.REFUSED));
            }
            // Oversized bodies: a 3 MB form and a 15 MB upload.
            Map<String, String> big = new LinkedHashMap<>(fields);
            big.put("body", "z".repeat(3 * 1024 * 1024));
            cases.add(post("3 MB form to " + form.path(), path, big, staff, staff, Expect.REFUSED));
            Map<String, String> upload = browserHeaders();
            upload.put("Content-Type", "multipart/form-data; boundary=XyZ");
            if (staff) {
                upload.put("X-CSRF-TOKEN", csrf);
            }
            cases.add(new Case("15 MB upload to " + form.path(), "POST", path, upload, multipart(15 * 1024 * 1024),
                    staff, Expect.REFUSED));
            // Injection strings and invalid UTF-8 in every field (refused: no valid token or session CSRF).
            for (String field : fields.keySet()) {
                for (String hostile : INJECTIONS) {
                    Map<String, String> values = new LinkedHashMap<>(fields);
                    values.put(field, hostile);
                    cases.add(post(field + "=" + abbreviate(hostile) + " to " + form.path(), path, values, staff,
                            false, Expect.REFUSED));
                }
                Map<String, String> headers = browserHeaders();
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                cases.add(new Case(field + "=<invalid UTF-8> to " + form.path(), "POST", path, headers,
                        (field + "=%C3%28%FF&" + field + "=%ZZ").getBytes(StandardCharsets.ISO_8859_1), staff,
                        Expect.REFUSED));
            }
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                // Sign-out is Spring Security's filter, not a page: other methods find nothing there (404).
                cases.add(new Case(method + " " + form.path(), method, path, browserHeaders(), new byte[0], staff,
                        form.path().equals("/logout") ? Expect.REFUSED : Expect.NOT_ALLOWED));
            }
            if (staff) {
                // Missing and forged CSRF tokens, signed in and not.
                cases.add(post("no CSRF token, signed in, to " + form.path(), path, fields, true, false,
                        Expect.REFUSED));
                Map<String, String> forged = new LinkedHashMap<>(fields);
                forged.put("_csrf", "forged-" + csrf.substring(0, 8));
                cases.add(post("forged CSRF token to " + form.path(), path, forged, true, false, Expect.REFUSED));
                cases.add(post("anonymous to " + form.path(), path, fields, false, false, Expect.REFUSED));
                // Injection strings in staff fields with a valid token: refused by validation, not by CSRF.
                if (!form.fields().isEmpty() && !form.path().endsWith("/edit") && !form.path().endsWith("/reply")) {
                    for (String field : fields.keySet()) {
                        for (String hostile : List.of("' or 1=1--", "${7*7}", "1 or 1=1", "-1", "99999999999999999999")) {
                            Map<String, String> values = new LinkedHashMap<>(fields);
                            values.put(field, hostile);
                            // An id that names no comment is a harmless no-op; the rest is malformed.
                            cases.add(post(field + "=" + hostile + " with token to " + form.path(), path, values,
                                    true, true, "-1".equals(hostile) ? Expect.HARMLESS : Expect.REFUSED));
                        }
                    }
                }
            }
        }
        CASES.set(cases.size());
        return cases;
    }

    private void run(Case c) throws Exception {
        String before = storedChecksum();
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (c.asStaff()) {
            headers.put("Cookie", "SESSION=" + admin.sessionCookie());
        }
        RawHttp.Response response = RawHttp.send(port(), c.method(), c.target(), headers, c.body());
        STATUSES.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 400 && !response.body().contains("/css/site")) {
            CONTAINER_ANSWERS.add(c.label() + " → " + response.status() + " (" + response.header("Content-Type") + ", " + response.body().length() + " chars)");
        }
        String what = c.label() + " → " + response.status() + "\n" + abbreviate(response.body(), 2000);
        assertThat(response.status()).as(what).isBetween(200, 499);
        if (c.expect() == Expect.REFUSED) {
            assertThat(response.status()).as(what).isBetween(400, 499);
        }
        if (c.expect() == Expect.NOT_ALLOWED) {
            assertThat(response.status()).as(what).isEqualTo(405);
        }
        // Forms hand back what was typed (escaped): leave the echo out of what is searched for leaks.
        String shown = Jsoup.parse(response.body()).wholeText();
        for (String hostile : INJECTIONS) {
            shown = shown.replace(hostile, "");
        }
        assertThat(shown).as(what)
                .doesNotContainPattern("(?m)^\\s*at [a-z]+\\.")
                .doesNotContain("Exception", "java.lang", "org.springframework", "org.apache", "Whitelabel",
                        "Apache Tomcat", "SQLState", "ERROR:");
        assertThat(response.body()).as(what).doesNotContain("<script>alert(1)")
                .doesNotContain("spring.datasource", "create table", "th:fragment", "root:x:0:0");
        String type = response.header("Content-Type");
        if (response.status() >= 400 && type != null && type.startsWith("text/html")) {
            // The site's own error page, even when the servlet container refused the request itself.
            assertThat(response.body()).as(what).contains("<h1", "</html>", "/css/site");
            assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        }
        assertThat(storedChecksum()).as("stored rows after " + c.label()).isEqualTo(before);
    }

    private String storedChecksum() {
        List<String> tables = content.jdbc().sql("""
                select quote_ident(tablename) from pg_tables where schemaname = 'public' order by tablename""")
                .query(String.class).list().stream().filter(t -> !VOLATILE_TABLES.contains(t)).toList();
        StringBuilder sums = new StringBuilder();
        for (String table : tables) {
            sums.append(table).append('=').append(content.jdbc()
                    .sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                            + table + " t")
                    .query(String.class).single()).append('\n');
        }
        return sums.toString();
    }

    private Case get(String label, String target, boolean staff, Expect expect) {
        return new Case(label, "GET", target, browserHeaders(), null, staff, expect);
    }

    private Case post(String label, String path, Map<String, String> fields, boolean staff, boolean withToken,
            Expect expect) {
        Map<String, String> values = new LinkedHashMap<>(fields);
        if (withToken) {
            values.put("_csrf", csrf);
        }
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encodeQuery(k)).append('=')
                .append(encodeQuery(v)));
        Map<String, String> headers = browserHeaders();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return new Case(label, "POST", path, headers, body.toString().getBytes(StandardCharsets.US_ASCII), staff,
                expect);
    }

    private static Map<String, String> browserHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", SiteClient.BROWSER_ACCEPT);
        return headers;
    }

    private static byte[] multipart(int size) {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../evil.jsp\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--XyZ--\r\n";
        byte[] body = new byte[head.length() + size + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
        java.util.Arrays.fill(body, head.length(), head.length() + size, (byte) 'A');
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, body, head.length() + size, tail.length());
        return body;
    }

    private String resolve(String path) {
        return path.replace("{slug}", SLUG).replace("{id}", String.valueOf(held.getId()));
    }

    private Map<String, String> resolveFields(Map<String, String> fields) {
        Map<String, String> resolved = new LinkedHashMap<>();
        fields.forEach((k, v) -> resolved.put(k, resolve(v)));
        return resolved;
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return abbreviate(value, 40).replace("\u0000", "\\0");
    }

    private static String abbreviate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…(" + value.length() + ")";
    }
}
