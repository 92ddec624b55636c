package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.admin.StaffRouteFixtures;
import com.newsroom.admin.StaffRoutes;
import com.newsroom.article.Article;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.media.MediaLibrary;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.RawHttp;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Visitor;

/**
 * Hostile and malformed input thrown at every public and staff endpoint. Every case must end in a readable
 * answer below 500 with no stack trace or exception name in the body, and is judged by what it should get:
 * a refused case gets its status and the reason on the page (the field's message, the error page for that
 * status) and leaves every stored row as it was; a harmless case gets the page it asked for (a staff case
 * still signed in). Hostile form values travel with a valid CSRF token (or comment form token) and otherwise
 * valid fields, so each reaches the handler it targets. Endpoints are listed once below and in
 * {@link StaffRoutes}; adding a page is adding a line. The number of cases is in the display names and logged.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(HostileInputIntegrationTests.class);

    private static final String SLUG = "hostile-story";

    /** Listings page by number and by cursor (after/before). */
    private static final Set<String> CURSOR_OR_PAGE = Set.of("page", "after", "before");

    /**
     * Public pages; {slug} (an article), {category}, {tag}, {author}, {media} (an image's public key), {variant}
     * and {page} are replaced by hostile strings, by real values otherwise. The set names the parameters the page pages by: a hostile
     * value there is refused, anywhere else ignored.
     */
    static final List<Endpoint> PUBLIC_PAGES = List.of(
            new Endpoint("/", Set.of()),
            new Endpoint("/latest", CURSOR_OR_PAGE),
            new Endpoint("/articles/{slug}", Set.of()),
            new Endpoint("/category/{category}", CURSOR_OR_PAGE),
            new Endpoint("/tag/{tag}", CURSOR_OR_PAGE),
            new Endpoint("/author/{author}", CURSOR_OR_PAGE),
            new Endpoint("/search", Set.of("page")),
            new Endpoint("/feed.atom", Set.of()),
            new Endpoint("/feed.rss", Set.of()),
            new Endpoint("/category/{category}/feed.atom", Set.of()),
            new Endpoint("/tag/{tag}/feed.rss", Set.of()),
            new Endpoint("/author/{author}/feed.atom", Set.of()),
            new Endpoint("/media/{media}/{variant}", Set.of()),
            new Endpoint("/sitemap.xml", Set.of()),
            new Endpoint("/sitemap-sections.xml", Set.of()),
            new Endpoint("/sitemap-articles-{page}.xml", Set.of()),
            new Endpoint("/sitemap-tags-{page}.xml", Set.of()),
            new Endpoint("/sitemap-news.xml", Set.of()),
            new Endpoint("/robots.txt", Set.of()),
            new Endpoint("/login", Set.of()));

    /** Staff pages, requested with an administrator's session; {comment} is a held comment. */
    static final List<Endpoint> STAFF_PAGES = List.of(
            new Endpoint("/admin", Set.of()),
            new Endpoint("/admin/comments", CURSOR_OR_PAGE),
            new Endpoint("/admin/comments/{comment}", Set.of()),
            // The admin lists page by cursor (?after= or ?before=), never by ?page=.
            new Endpoint("/admin/articles", Set.of("after")),
            new Endpoint("/admin/tags", Set.of("after", "before")),
            new Endpoint("/admin/articles/new", Set.of()),
            new Endpoint("/admin/categories", Set.of()),
            new Endpoint("/admin/media", Set.of("before")),
            new Endpoint("/admin/settings", Set.of()),
            new Endpoint("/admin/staff", Set.of()),
            new Endpoint("/admin/audit", Set.of("before")),
            new Endpoint("/admin/profile", Set.of()));

    /** Path variables, replaced one at a time by hostile strings. */
    static final List<String> PATH_VARIABLES = List.of("{slug}", "{category}", "{tag}", "{author}", "{comment}",
            "{media}", "{variant}", "{page}");

    /** Fields whose every short hostile value is legitimate text: stored as typed, never interpreted. */
    static final Set<String> FREE_TEXT = Set.of("title", "bodyMarkdown", "displayName", "bio", "name",
            "description", "note", "altText", "body", "tagline", "about", "commentPolicy");

    /** Fields that only take a number, an id or a fixed word: anything else is refused with a message. */
    static final Set<String> NUMBERS_AND_CHOICES = Set.of("categoryId", "version", "direction", "into", "ids",
            "enabled", "decision", "action", "roles", "commentsCloseAfterDays", "scheduleAt", "unpublishAt");

    /** Hostile values short enough to be legitimate text. */
    static final List<String> SHORT_INJECTIONS = List.of("' or 1=1--", "1; drop table articles;--",
            "${7*7}", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "[[${7*7}]]",
            "<script>alert(1)</script>", "../../../../etc/passwd");

    static final List<String> INJECTIONS = List.of("' or 1=1--", "1; drop table articles;--", "\" OR \"\"=\"",
            "${7*7}", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "[[${7*7}]]", "*{7*7}", "#{7*7}",
            "<script>alert(1)</script>", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\u0000",
            "%00", "\uD83D\uDCA9\u202E", "a".repeat(5000));

    /** For parameters a page ignores, and for form fields: one of each kind (SQL, template, markup, path, bytes, size). */
    static final List<String> FEW_INJECTIONS = List.of("' or 1=1--", "${7*7}",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "<script>alert(1)</script>",
            "../../../../etc/passwd", "\u0000", "\uD83D\uDCA9\u202E", "a".repeat(5000), "99999999999999999999");

    /** In a parameter the page does not read. */
    static final List<String> IGNORED = List.of("' or 1=1--", "${7*7}", "<script>alert(1)</script>");

    /** For staff text fields: SQL, template, markup, bytes PostgreSQL refuses, direction overrides, size. */
    static final List<String> TEXT_INJECTIONS = List.of("' or 1=1--",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "<script>alert(1)</script>", "\u0000",
            "\uD83D\uDCA9\u202E", "a".repeat(5000));

    /** For staff fields that take a number, an id or a fixed word. */
    static final List<String> NUMBER_INJECTIONS = List.of("' or 1=1--", "${7*7}", "\u0000",
            "99999999999999999999", "-1");

    static final List<String> PAGE_NUMBERS = List.of("99999999999999999999", "1000001", "2147483648", "-1",
            "0", "1e9", "0x10", " 1", "1.5", "NaN");

    static final List<String> RAW_MALFORMED = List.of("%ZZ", "%", "%C3%28", "%FF%FE", "%C0%AE%C0%AE", "%ED%A0%80",
            "%E2%82", "\u00ff\u00fe");

    static final List<String> FEW_RAW_MALFORMED = List.of("%ZZ", "%C3%28", "%C0%AE%C0%AE");

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
            "login_attempts", "login_known_addresses", "comment_form_tokens_used", "rate_limit_counters", "app_secrets",
            "flyway_schema_history");

    private static final AtomicInteger CASES = new AtomicInteger();

    /** Refusals answered without the site's page (status only, empty body), listed in the log. */
    private static final List<String> CONTAINER_ANSWERS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Which answers the cases got, by status, for the log line. */
    private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

    record Endpoint(String path, Set<String> pagedBy) {
    }

    enum Expect {
        /** The input is refused: a 4xx with its reason on the page (the field's message, or the error page). */
        REFUSED,
        /** A method the address does not accept: the 405 page. */
        NOT_ALLOWED,
        /** The input is ignored: the page asked for (200), staff still signed in. */
        HARMLESS,
        /** The handler takes it: the page a valid form leads to, staff still signed in. */
        ACCEPTED,
        /** The handler judges it: either ACCEPTED, or REFUSED with its reason. */
        JUDGED,
        /** A page judges it: either HARMLESS (the page itself), or REFUSED with its reason. */
        ANSWERED,
        /** No session: sent to sign in, nothing changed. */
        SIGN_IN,
        /** Signed in, but without a valid CSRF token: the 403 page, still signed in, nothing changed. */
        NO_TOKEN,
        /** A sign-in that must fail: back to the sign-in page, which says why. */
        SIGN_IN_FAILS
    }

    /** What to send, built just before it is sent from the fixtures of the case. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** {@code route}: fresh fixtures for each case of a route that may change them, shared for refusals. */
    record Case(String label, Expect expect, boolean asStaff, StaffRoutes.Route route,
            Function<Map<String, String>, Request> request) {

        boolean mayChangeSomething() {
            return expect == Expect.ACCEPTED || expect == Expect.JUDGED;
        }
    }

    /** Fixtures for the refusals of each route, made once. */
    private final Map<StaffRoutes.Route, Map<String, String>> refusalFixtures = new java.util.HashMap<>();

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @Autowired
    StaffRouteFixtures fixtures;

    @Autowired
    MediaLibrary media;

    @Autowired
    Environment environment;

    @Autowired
    MessageSource messages;

    /** Fixtures of the public and staff pages: {slug}, {media}, {variant}, {page}, {comment}. */
    Map<String, String> shared;

    Account administrator;

    Account target;

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
        Comment held = content.comment(article, null, "Ada Reader", "Is there a source?", CommentStatus.PENDING);
        long image = media.upload(StaffRouteFixtures.PNG, "pixel.png", "A pixel", null);
        administrator = staff.create("Hostile Admin", Role.ADMIN);
        target = staff.create("Hostile Target", Role.AUTHOR);
        shared = Map.of("{slug}", SLUG, "{category}", category.getSlug(), "{tag}", tag.getSlug(), "{author}",
                author.getSlug(), "{comment}", String.valueOf(held.getId()), "{media}", media.find(image).orElseThrow().publicKey(),
                "{variant}", "thumb", "{page}", "1");
        admin = new HttpSignIn(site);
        assertThat(admin.signInAs("hostile.admin", StaffFixtures.PASSWORD)).isEqualTo("Hostile Admin");
        csrf = admin.get("/admin").html().select("input[name=_csrf]").attr("value");
        assertThat(csrf).isNotBlank();
    }

    @AfterAll
    static void count() {
        log.info("Hostile input suite tried {} cases; answers by status: {}", CASES.get(), STATUSES);
        log.info("{} answered with a status and no page: {}", CONTAINER_ANSWERS.size(), CONTAINER_ANSWERS);
    }

    @TestFactory
    Stream<DynamicTest> hostileInputIsRefusedWithItsReasonOrHarmlessAndChangesNothingItShouldNot() {
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
            // Injection strings in each path variable: an unknown slug or id is a 404 (or 400), never evaluated.
            for (String variable : PATH_VARIABLES) {
                if (!page.path().contains(variable)) {
                    continue;
                }
                for (String hostile : FEW_INJECTIONS) {
                    String target = resolve(page.path().replace(variable, encodePath(hostile)));
                    cases.add(get("path " + variable + " " + abbreviate(hostile) + " on " + page.path(), target,
                            staff, Expect.REFUSED));
                }
            }
            // Injection strings and absurd numbers where the page takes a page or cursor: refused, with the reason.
            // (A page number must be a number in range; a cursor that decodes is only a position.)
            for (String parameter : page.pagedBy()) {
                Expect paging = parameter.equals("page") ? Expect.REFUSED : Expect.ANSWERED;
                for (String hostile : FEW_INJECTIONS) {
                    // A NUL alone is dropped on the way in: an empty page number, the first page.
                    cases.add(get(parameter + "=" + abbreviate(hostile) + " on " + page.path(),
                            real + "?" + parameter + "=" + encodeQuery(hostile), staff,
                            hostile.equals("\u0000") ? Expect.ANSWERED : paging));
                }
                for (String number : parameter.equals("page") ? PAGE_NUMBERS : List.<String>of()) {
                    cases.add(get(parameter + "=" + number + " on " + page.path(),
                            real + "?" + parameter + "=" + encodeQuery(number), staff, paging));
                }
            }
            // Parameters the page does not take are ignored: the page itself.
            for (String parameter : List.of("page", "after", "before")) {
                if (page.pagedBy().contains(parameter)) {
                    continue;
                }
                for (String hostile : IGNORED) {
                    cases.add(get(parameter + "=" + abbreviate(hostile) + " (ignored) on " + page.path(),
                            real + "?" + parameter + "=" + encodeQuery(hostile), staff, Expect.HARMLESS));
                }
            }
            // Malformed percent-encoding and invalid UTF-8, raw on the wire: refused where the page reads the
            // parameter, ignored where it does not.
            for (String malformed : FEW_RAW_MALFORMED) {
                cases.add(get("raw query " + malformed + " on " + page.path(), real + "?page=" + malformed, staff,
                        page.pagedBy().contains("page") ? Expect.REFUSED : Expect.ANSWERED));
                cases.add(get("raw path " + malformed + " under " + page.path(), real + "/" + malformed, staff,
                        Expect.REFUSED));
            }
            // Wrong methods: the site's 405 page.
            for (String method : List.of("PUT", "TRACE")) {
                cases.add(fixed(method + " " + page.path(), Expect.NOT_ALLOWED, staff,
                        new Request(method, real, browserHeaders(), new byte[0])));
            }
            // Oversized request line and headers.
            cases.add(get("20 KB query on " + page.path(), real + "?q=" + "x".repeat(20_000), staff,
                    Expect.REFUSED));
            Map<String, String> bigHeader = browserHeaders();
            bigHeader.put("X-Padding", "y".repeat(20_000));
            cases.add(fixed("20 KB header on " + page.path(), Expect.REFUSED, staff,
                    new Request("GET", real, bigHeader, null)));
        }
        for (String traversal : STATIC_TRAVERSAL) {
            cases.add(get("traversal " + traversal, traversal, false, Expect.REFUSED));
        }
        // Forwarded headers from a client that is no trusted proxy: ignored, whatever they hold.
        for (var spoof : SPOOFED_FORWARDING.entrySet()) {
            for (String page : List.of("/", resolve("/articles/{slug}"), "/feed.atom", "/login")) {
                Map<String, String> headers = browserHeaders();
                headers.put(spoof.getKey(), spoof.getValue());
                cases.add(fixed(spoof.getKey() + ": " + abbreviate(spoof.getValue()) + " on " + page,
                        Expect.HARMLESS, false, new Request("GET", page, headers, null)));
            }
        }
        commentFormCases(cases);
        signInFormCases(cases);
        for (StaffRoutes.Route route : StaffRoutes.all()) {
            if (route.post()) {
                staffFormCases(route, cases);
            }
        }
        logoutCases(cases);
        CASES.set(cases.size());
        return cases;
    }

    /** The reader's comment form, sent with a real form token and valid fields but one. */
    private void commentFormCases(List<Case> cases) {
        String path = "/articles/" + SLUG + "/comments";
        Map<String, String> valid = Map.of("name", "Ada", "email", "ada@example.com", "website", "",
                "body", "Hello there");
        for (String field : valid.keySet()) {
            for (String hostile : FEW_INJECTIONS) {
                boolean text = (field.equals("name") || field.equals("body")) && SHORT_INJECTIONS.contains(hostile);
                cases.add(new Case(field + "=" + abbreviate(hostile) + " to " + path,
                        text ? Expect.ACCEPTED : Expect.JUDGED, false, null, values -> {
                            // Every case is the first comment from this address in its window.
                            content.jdbc().sql("delete from rate_limit_counters").update();
                            Map<String, String> fields = new LinkedHashMap<>(valid);
                            Visitor reader = site.visitor();
                            fields.put("token", reader.startWriting(
                                    reader.get("/articles/" + SLUG).html().selectFirst("form.comment-form")));
                            fields.put(field, hostile);
                            return form("POST", path, fields, Map.of("Origin", site.baseUrl()));
                        }));
            }
        }
    }

    /** The sign-in form, with a valid CSRF token of its own session: every hostile sign-in fails with its reason. */
    private void signInFormCases(List<Case> cases) {
        for (String field : List.of("username", "password")) {
            for (String hostile : FEW_INJECTIONS) {
                cases.add(new Case(field + "=" + abbreviate(hostile) + " to /login", Expect.SIGN_IN_FAILS, false,
                        null, values -> {
                            content.jdbc().sql("delete from login_attempts").update();
                            HttpSignIn visitor = new HttpSignIn(site);
                            String token = visitor.get("/login").html().select("input[name=_csrf]").attr("value");
                            Map<String, String> fields = new LinkedHashMap<>(Map.of("username", "hostile.admin",
                                    "password", "not the password"));
                            fields.put(field, hostile);
                            fields.put("_csrf", token);
                            return form("POST", "/login", fields, Map.of("Cookie", "SESSION=" + visitor.sessionCookie()));
                        }));
            }
        }
    }

    /**
     * One staff form: each hostile value in each field, with a valid CSRF token and the other fields valid, on
     * fresh fixtures; then what the request itself gets wrong (content type, size, method, token, session).
     */
    private void staffFormCases(StaffRoutes.Route route, List<Case> cases) {
        String name = route.path();
        for (String field : route.fields().keySet()) {
            for (String hostile : NUMBERS_AND_CHOICES.contains(field) ? NUMBER_INJECTIONS : TEXT_INJECTIONS) {
                Expect expect = FREE_TEXT.contains(field) && SHORT_INJECTIONS.contains(hostile) ? Expect.ACCEPTED
                        // (A NUL is dropped on the way in, leaving an empty value the handler may take.)
                        : NUMBERS_AND_CHOICES.contains(field) && !hostile.matches("-?\\d+") && !hostile.equals("\u0000")
                                ? Expect.REFUSED
                        : Expect.JUDGED;
                cases.add(new Case(field + "=" + abbreviate(hostile) + " with token to " + name, expect, true, route,
                        values -> {
                            Map<String, String> fields = fill(route.fields(), values);
                            // Free text gets a suffix of its own, so no two cases claim the same name or slug.
                            fields.put(field, FREE_TEXT.contains(field) ? hostile + " " + values.get("{n}") : hostile);
                            return staffForm(route, StaffRoutes.fill(route.path(), values), fields);
                        }));
            }
        }
        if (!route.fields().isEmpty()) {
            // Wrong content types, the CSRF token in its header: the handler sees none of its fields.
            for (String type : List.of("application/json", "text/plain",
                    "application/x-www-form-urlencoded; charset=no-such-charset")) {
                cases.add(new Case(type + " to " + name, Expect.JUDGED, true, route, values -> {
                    Map<String, String> headers = browserHeaders();
                    headers.put("Content-Type", type);
                    headers.put("X-CSRF-TOKEN", csrf);
                    String body = type.contains("json") ? "{\"body\":\"${7*7}\"}" : "<a>' or 1=1--</a>";
                    return new Request("POST", StaffRoutes.fill(route.path(), values), headers,
                            body.getBytes(StandardCharsets.UTF_8));
                }));
            }
            for (String field : route.fields().keySet()) {
                cases.add(new Case(field + "=<invalid UTF-8> with token to " + name, Expect.REFUSED, true, route,
                        values -> {
                            Map<String, String> headers = browserHeaders();
                            headers.put("Content-Type", "application/x-www-form-urlencoded");
                            headers.put("X-CSRF-TOKEN", csrf);
                            return new Request("POST", StaffRoutes.fill(route.path(), values), headers,
                                    (field + "=%C3%28%FF&" + field + "=%ZZ").getBytes(StandardCharsets.ISO_8859_1));
                        }));
            }
        }
        // Oversized: a 3 MB form field and a 15 MB upload.
        cases.add(new Case("3 MB form to " + name, Expect.REFUSED, true, route, values -> {
            Map<String, String> fields = fill(route.fields(), values);
            fields.put("body", "z".repeat(3 * 1024 * 1024));
            fields.put("_csrf", csrf);
            return form("POST", StaffRoutes.fill(route.path(), values), fields, Map.of());
        }));
        cases.add(new Case("15 MB upload to " + name, Expect.REFUSED, true, route, values -> {
            Map<String, String> headers = browserHeaders();
            headers.put("Content-Type", "multipart/form-data; boundary=XyZ");
            headers.put("X-CSRF-TOKEN", csrf);
            return new Request("POST", StaffRoutes.fill(route.path(), values), headers, multipart(15 * 1024 * 1024));
        }));
        for (String method : List.of("PUT", "DELETE")) {
            cases.add(new Case(method + " " + name, Expect.NOT_ALLOWED, true, route,
                    values -> new Request(method, StaffRoutes.fill(route.path(), values), browserHeaders(),
                            new byte[0])));
        }
        // Missing and forged CSRF tokens, signed in; and no session at all.
        cases.add(new Case("no CSRF token, signed in, to " + name, Expect.NO_TOKEN, true, route,
                values -> form("POST", StaffRoutes.fill(route.path(), values), fill(route.fields(), values), Map.of())));
        cases.add(new Case("forged CSRF token to " + name, Expect.NO_TOKEN, true, route, values -> {
            Map<String, String> fields = fill(route.fields(), values);
            fields.put("_csrf", "forged-" + csrf.substring(0, 8));
            return form("POST", StaffRoutes.fill(route.path(), values), fields, Map.of());
        }));
        // Without a session, but with a valid token of a visitor's own: the sign-in check is what answers.
        cases.add(new Case("anonymous with a token to " + name, Expect.SIGN_IN, false, route, values -> {
            HttpSignIn visitor = new HttpSignIn(site);
            Map<String, String> fields = fill(route.fields(), values);
            fields.put("_csrf", visitor.get("/login").html().select("input[name=_csrf]").attr("value"));
            return form("POST", StaffRoutes.fill(route.path(), values), fields,
                    Map.of("Cookie", "SESSION=" + visitor.sessionCookie()));
        }));
    }

    /** Signing out: Spring Security's filter, not a page; other methods find nothing there (404). */
    private void logoutCases(List<Case> cases) {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            cases.add(fixed(method + " /logout", Expect.REFUSED, true, new Request(method, "/logout", browserHeaders(),
                    new byte[0])));
        }
        cases.add(fixed("no CSRF token, signed in, to /logout", Expect.NO_TOKEN, true,
                form("POST", "/logout", Map.of(), Map.of())));
        cases.add(fixed("forged CSRF token to /logout", Expect.NO_TOKEN, true,
                form("POST", "/logout", Map.of("_csrf", "forged"), Map.of())));
    }

    private void run(Case c) throws Exception {
        Map<String, String> values = c.route() == null ? shared
                : c.mayChangeSomething() ? fixtures.forRoute(c.route(), administrator, target)
                : refusalFixtures.computeIfAbsent(c.route(), route -> fixtures.forRoute(route, administrator, target));
        Request request = c.request().apply(values);
        String before = storedChecksum();
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        if (c.asStaff()) {
            headers.put("Cookie", "SESSION=" + admin.sessionCookie());
        }
        RawHttp.Response response = RawHttp.send(port(), request.method(), request.target(), headers, request.body());
        STATUSES.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 400 && !response.body().contains("/css/site")) {
            CONTAINER_ANSWERS.add(c.label() + " → " + response.status() + " (" + response.header("Content-Type") + ", " + response.body().length() + " chars)");
        }
        String what = c.label() + " → " + response.status() + " " + response.header("Location") + "\n"
                + abbreviate(response.body(), 2000);
        assertThat(response.status()).as(what).isBetween(200, 499);
        assertNoLeak(response, what);
        int status = response.status();
        switch (c.expect()) {
            case REFUSED -> assertRefused(response, what);
            case NOT_ALLOWED -> {
                assertThat(status).as(what).isEqualTo(405);
                assertRefused(response, what);
            }
            case HARMLESS -> {
                assertThat(status).as(what).isEqualTo(200);
                if (c.asStaff()) {
                    assertThat(Jsoup.parse(response.body()).select(".signed-in-as").text()).as(what).isNotBlank();
                }
            }
            case ACCEPTED -> assertAccepted(c, values, response, what);
            case ANSWERED -> {
                if (status < 400) {
                    assertThat(status).as(what).isEqualTo(200);
                }
                else {
                    assertRefused(response, what);
                }
            }
            case JUDGED -> {
                if (status < 400) {
                    assertAccepted(c, values, response, what);
                }
                else {
                    assertRefused(response, what);
                }
            }
            case SIGN_IN -> assertThat(status == 302 && response.header("Location").endsWith("/login")).as(what).isTrue();
            case NO_TOKEN -> {
                assertThat(status).as(what).isEqualTo(403);
                assertThat(Jsoup.parse(response.body()).select("h1").text()).as(what).isEqualTo(title(403));
            }
            case SIGN_IN_FAILS -> {
                assertThat(status).as(what).isEqualTo(302);
                assertThat(response.header("Location")).as(what).contains("/login?error");
                HttpSignIn visitor = new HttpSignIn(site);
                assertThat(visitor.get(response.header("Location").replaceFirst("^https?://[^/]+", "")).html().select(".form-error").text()).as(what)
                        .isNotBlank();
            }
        }
        // Still signed in: the answer shows it (a staff page, or the page a success led to, checked there), or
        // /admin does. (The name itself may be what a case just changed.)
        if (c.asStaff() && status != 302
                && Jsoup.parse(response.body()).select(".signed-in-as").text().isBlank()) {
            assertThat(admin.signedInName()).as("still signed in after " + c.label()).isNotBlank();
        }
        if (c.expect() != Expect.ACCEPTED && !(c.expect() == Expect.JUDGED && status < 400)) {
            assertThat(storedChecksum()).as("stored rows after " + c.label()).isEqualTo(before);
        }
    }

    /** A 4xx with its reason: the form's own message, or the site's error page for that status. */
    private void assertRefused(RawHttp.Response response, String what) {
        int status = response.status();
        assertThat(status).as(what).isBetween(400, 499);
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("text/html")) {
            // Refused by the servlet container before the site saw it (listed in the log): the status is all.
            return;
        }
        // The site's own page, even when the servlet container refused the request itself.
        assertThat(response.body()).as(what).contains("<h1", "</html>", "/css/site");
        assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        var page = Jsoup.parse(response.body());
        String message = page.select(".field-error, .form-error, .notice-error").text();
        if (message.isBlank()) {
            assertThat(page.select("h1").text()).as(what).isEqualTo(title(status));
        }
    }

    /** The page a valid form leads to, and it renders (escaped) for the signed-in administrator. */
    private void assertAccepted(Case c, Map<String, String> values, RawHttp.Response response, String what) {
        assertThat(response.status()).as(what).isEqualTo(302);
        String location = response.header("Location");
        if (c.route() == null) {
            // A reader's comment: back to the article, at the comment or the comment section.
            assertThat(location).as(what).matches(".*/articles/" + SLUG + "#(comment-\\d+|comments)");
            return;
        }
        assertThat(c.route().isSuccess(location, values)).as(what + " (expected " + c.route().success() + ")").isTrue();
        SiteClient.Page next = admin.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(next.status()).as("the page after " + c.label()).isEqualTo(200);
        assertThat(next.html().select(".signed-in-as").text()).as("signed in after " + c.label()).isNotBlank();
        assertThat(next.body()).as("the page after " + c.label()).doesNotContain("<script>alert(1)");
    }

    private void assertNoLeak(RawHttp.Response response, String what) {
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
    }

    private String title(int status) {
        return messages.getMessage("error." + status + ".title", null,
                messages.getMessage("error.4xx.title", null, Locale.ENGLISH), Locale.ENGLISH);
    }

    /** Every stored row but those of {@link #VOLATILE_TABLES}, summed up in one query. */
    private String storedChecksum() {
        List<String> tables = content.jdbc().sql("""
                select quote_ident(tablename) from pg_tables where schemaname = 'public' order by tablename""")
                .query(String.class).list().stream().filter(t -> !VOLATILE_TABLES.contains(t)).toList();
        String sums = tables.stream().map(table -> "select '" + table + "=' || count(*) || ':' || "
                + "coalesce(sum(hashtextextended(t::text, 0)), 0) from " + rowsThatMustNotChange(table) + " t")
                .collect(java.util.stream.Collectors.joining(" union all "));
        return String.join("\n", content.jdbc().sql(sums).query(String.class).list());
    }

    /** Sign-in attempts are audited by design (a refused one included); every other audit entry counts. */
    private static String rowsThatMustNotChange(String table) {
        return table.equals("audit_log") ? "(select * from audit_log where action not like 'signin.%')" : table;
    }

    private Case get(String label, String target, boolean staff, Expect expect) {
        return fixed(label, expect, staff, new Request("GET", target, browserHeaders(), null));
    }

    private static Case fixed(String label, Expect expect, boolean staff, Request request) {
        return new Case(label, expect, staff, null, values -> request);
    }

    /** A staff form with the session's CSRF token: an upload as multipart with an image, the rest url-encoded. */
    private Request staffForm(StaffRoutes.Route route, String path, Map<String, String> fields) {
        if (!route.upload()) {
            Map<String, String> withToken = new LinkedHashMap<>(fields);
            withToken.put("_csrf", csrf);
            return form("POST", path, withToken, Map.of());
        }
        String boundary = "hostile" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pixel.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(StaffRouteFixtures.PNG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = browserHeaders();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        return new Request("POST", path + "?_csrf=" + encodeQuery(csrf), headers, body.toByteArray());
    }

    private static Request form(String method, String path, Map<String, String> fields, Map<String, String> extra) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encodeQuery(k)).append('=')
                .append(encodeQuery(v)));
        Map<String, String> headers = browserHeaders();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.putAll(extra);
        return new Request(method, path, headers, body.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> fill(Map<String, String> fields, Map<String, String> values) {
        Map<String, String> filled = new LinkedHashMap<>();
        fields.forEach((k, v) -> filled.put(k, StaffRoutes.fill(v, values)));
        return filled;
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
        return StaffRoutes.fill(path, shared);
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
