package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.account.Account;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.account.StaffFixtures;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.Editor;
import com.newsroom.category.Category;
import com.newsroom.media.MediaLibrary;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Walks every admin route as every role and as an anonymous visitor: anonymous visitors are sent to sign
 * in, the wrong role gets 403, the right role gets through.
 */
@IntegrationTest
@Import(StaffLogins.class)
class AdminRoleMatrixIntegrationTests {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR);

    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.EDITOR);

    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An admin route; the path may name {article}, {revision} and {account}, filled in fresh for each request. */
    record Route(String method, String path, Set<Role> allowed, Map<String, String> params) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    ArticleEditor articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SiteClient site;

    @Autowired
    MediaLibrary media;

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    Category category;

    Account author;

    Account target;

    final Map<Role, Account> accounts = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        content.reset();
        category = content.category("Technology");
        for (Role role : Role.values()) {
            accounts.put(role, staff.create("Staff " + role.name().toLowerCase(), role));
        }
        author = accounts.get(Role.AUTHOR);
        target = staff.create("Target person", Role.AUTHOR);
    }

    private List<Route> routes() {
        String future = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/admin", EVERYONE, Map.of()));
        routes.add(new Route("GET", "/admin/profile", EVERYONE, Map.of()));
        routes.add(new Route("POST", "/admin/profile", EVERYONE, Map.of("displayName", "New name", "bio", "Bio.")));
        routes.add(new Route("POST", "/admin/profile/password", EVERYONE,
                Map.of("currentPassword", StaffFixtures.PASSWORD, "newPassword", StaffFixtures.PASSWORD)));
        routes.add(new Route("GET", "/admin/articles", WRITERS, Map.of()));
        routes.add(new Route("GET", "/admin/articles/new", WRITERS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/new", WRITERS, articleForm()));
        routes.add(new Route("GET", "/admin/articles/{article}/edit", WRITERS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/edit", WRITERS, articleForm()));
        routes.add(new Route("POST", "/admin/articles/{article}/submit", WRITERS, Map.of()));
        routes.add(new Route("GET", "/admin/articles/{article}/preview", WRITERS, Map.of()));
        routes.add(new Route("GET", "/admin/articles/{article}/revisions", WRITERS, Map.of()));
        routes.add(new Route("GET", "/admin/articles/{article}/revisions/{revision}", WRITERS, Map.of()));
        routes.add(new Route("GET", "/admin/articles/{article}/compare", WRITERS,
                Map.of("from", "{revision}", "to", "{revision}")));
        routes.add(new Route("POST", "/admin/articles/{article}/revisions/{revision}/restore", WRITERS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/publish", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/schedule", EDITORS, Map.of("scheduleAt", future)));
        routes.add(new Route("POST", "/admin/articles/{article}/unpublish", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/archive", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/corrections", EDITORS, Map.of("note", "A fix.")));
        routes.add(new Route("POST", "/admin/articles/{article}/delete", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/articles/{article}/takedown", EDITORS, Map.of("unpublishAt", "")));
        routes.add(new Route("GET", "/admin/categories", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/categories", EDITORS, Map.of("name", "Section {n}")));
        routes.add(new Route("GET", "/admin/categories/{category}", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/categories/{category}", EDITORS,
                Map.of("name", "Renamed {n}", "slug", "renamed-{n}")));
        routes.add(new Route("POST", "/admin/categories/{category}/move", EDITORS, Map.of("direction", "1")));
        routes.add(new Route("POST", "/admin/categories/{category}/delete", EDITORS, Map.of()));
        routes.add(new Route("GET", "/admin/tags", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/tags/{tag}/rename", EDITORS, Map.of("name", "Renamed tag {n}")));
        routes.add(new Route("POST", "/admin/tags/{tag}/merge", EDITORS, Map.of("into", "{tag2}")));
        routes.add(new Route("POST", "/admin/tags/{tag}/delete", EDITORS, Map.of()));
        routes.add(new Route("GET", "/admin/media", EDITORS, Map.of()));
        routes.add(new Route("POST", "/admin/media", EDITORS, Map.of("altText", "No file")));
        routes.add(new Route("POST", "/admin/media/{media}", EDITORS, Map.of("altText", "New alt")));
        routes.add(new Route("GET", "/admin/settings", ADMINS, Map.of()));
        routes.add(new Route("POST", "/admin/settings", ADMINS, Map.of("name", "Newsroom", "tagline", "T",
                "about", "A", "socialLinks", "", "commentsCloseAfterDays", "30", "commentPolicy", "")));
        routes.add(new Route("GET", "/admin/staff", ADMINS, Map.of()));
        routes.add(new Route("POST", "/admin/staff", ADMINS, Map.of("displayName", "New Person", "username",
                "new.person.{n}", "email", "new{n}@newsroom.test", "password", "a long enough password",
                "roles", "AUTHOR")));
        routes.add(new Route("GET", "/admin/staff/{account}", ADMINS, Map.of()));
        routes.add(new Route("POST", "/admin/staff/{account}/roles", ADMINS, Map.of("roles", "AUTHOR")));
        routes.add(new Route("POST", "/admin/staff/{account}/enabled", ADMINS, Map.of("enabled", "true")));
        routes.add(new Route("POST", "/admin/staff/{account}/password", ADMINS,
                Map.of("password", "another long password")));
        routes.add(new Route("GET", "/admin/audit", ADMINS, Map.of()));
        return routes;
    }

    private Map<String, String> articleForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Route check {n}");
        form.put("bodyMarkdown", "Body.");
        form.put("categoryId", String.valueOf(category.getId()));
        form.put("version", "{version}");
        return form;
    }

    @Autowired
    SiteSettingsProvider siteSettings;

    /** Settings saved by the walk must not leak into other tests through the settings cache. */
    @AfterEach
    void forgetSettings() {
        content.reset();
        siteSettings.refresh();
    }

    @Test
    void everyAdminRouteChecksItsRoleForEveryRoleAndForAnonymousVisitors() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            MockHttpServletResponse anonymous = perform(route, null);
            if (anonymous.getStatus() != 302 || !anonymous.getRedirectedUrl().endsWith("/login")) {
                failures.add("anonymous " + route + " → " + anonymous.getStatus());
            }
            for (Role role : Role.values()) {
                MockHttpServletResponse response = perform(route, accounts.get(role));
                boolean allowed = route.allowed().contains(role);
                int status = response.getStatus();
                boolean ok = allowed ? status != 403 && status < 500 && !(status == 302
                        && response.getRedirectedUrl().endsWith("/login")) : status == 403;
                if (!ok) {
                    failures.add(role + " " + route + " → " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void adminPagesNotYetMappedAreClosedToAuthorsAndModerators() throws Exception {
        for (Role role : EnumSet.of(Role.AUTHOR, Role.MODERATOR)) {
            assertThat(mvc.perform(get("/admin/future-page").with(staff.as(accounts.get(role)))).andReturn()
                    .getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/admin/future-page").with(staff.as(accounts.get(Role.EDITOR)))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/admin/comments").with(staff.as(accounts.get(Role.AUTHOR)))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void wrongRoleGetsTheSiteStyledForbiddenPage() {
        HttpSignIn browser = new HttpSignIn(site);
        browser.signInAs(author.getUsername(), StaffFixtures.PASSWORD);

        SiteClient.Page page = browser.get("/admin/staff");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.html().select("h1").text()).isEqualTo("Not allowed");
        assertThat(page.html().select(".site-name").text()).isEqualTo("Newsroom");
        assertThat(page.body()).doesNotContain("Exception", "at com.");
    }

    private MockHttpServletResponse perform(Route route, Account as) throws Exception {
        int n = SEQUENCE.incrementAndGet();
        long articleId = articles.create(new ArticleInput("Fixture " + n, "", "", "Body " + n, "", null, null, null,
                category.getId(), List.of(), List.of(), false, true),
                new Editor(author.getStaffId(), "Author", false));
        long revisionId = jdbc.sql("select max(id) from article_revisions where article_id = :id")
                .param("id", articleId).query(Long.class).single();
        long version = jdbc.sql("select version from articles where id = :id").param("id", articleId)
                .query(Long.class).single();
        long categoryId = content.category("Fixture category " + n).getId();
        long tagId = content.tag("Fixture tag " + n).getId();
        long tag2Id = content.tag("Other fixture tag " + n).getId();
        long mediaId = media.upload(PNG, "pixel.png", "A pixel", null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{article}", String.valueOf(articleId));
        values.put("{revision}", String.valueOf(revisionId));
        values.put("{account}", String.valueOf(target.getId()));
        values.put("{category}", String.valueOf(categoryId));
        values.put("{tag2}", String.valueOf(tag2Id));
        values.put("{tag}", String.valueOf(tagId));
        values.put("{media}", String.valueOf(mediaId));
        values.put("{n}", String.valueOf(n));
        values.put("{version}", String.valueOf(version));
        String path = fill(route.path(), values);
        MockHttpServletRequestBuilder request = route.method().equals("GET") ? get(path) : post(path).with(csrf());
        route.params().forEach((name, value) -> request.param(name, fill(value, values)));
        if (as != null) {
            request.with(staff.as(as));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (var entry : values.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
