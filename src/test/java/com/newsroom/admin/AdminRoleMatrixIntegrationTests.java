package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.testsupport.StaffFixtures;
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
 * Walks every staff route (see {@link StaffRoutes}) as every role and as an anonymous visitor: anonymous
 * visitors are sent to sign in, the wrong role gets 403, and the right role gets what a valid request should
 * get (the page, or the redirect a successful form leads to), counted strictly. Authors are refused every
 * action on another author's article; the actuator beyond health is for administrators (or the machine
 * itself).
 */
@IntegrationTest
class AdminRoleMatrixIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    StaffRouteFixtures fixtures;

    @Autowired
    SiteClient site;

    Account author;

    Account otherAuthor;

    Account target;

    final Map<Role, Account> accounts = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        content.reset();
        for (Role role : Role.values()) {
            accounts.put(role, staff.create("Staff " + role.name().toLowerCase(), role));
        }
        author = accounts.get(Role.AUTHOR);
        otherAuthor = staff.create("Other author", Role.AUTHOR);
        target = staff.create("Target person", Role.AUTHOR);
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
    void everyStaffRouteChecksItsRoleForEveryRoleAndForAnonymousVisitors() throws Exception {
        List<String> failures = new ArrayList<>();
        int allowed = 0;
        for (StaffRoutes.Route route : StaffRoutes.all()) {
            MockHttpServletResponse anonymous = perform(route, null).response();
            if (anonymous.getStatus() != 302 || !anonymous.getRedirectedUrl().endsWith("/login")) {
                failures.add("anonymous " + route + " → " + anonymous.getStatus());
            }
            for (Role role : Role.values()) {
                Answer answer = perform(route, accounts.get(role));
                if (route.allowed().contains(role)) {
                    allowed++;
                    if (!answer.isTheExpectedPage(route)) {
                        failures.add(role + " " + route + " → " + answer + " (should get the expected page)");
                    }
                }
                else if (answer.response().getStatus() != 403) {
                    failures.add(role + " " + route + " → " + answer + " (should be 403)");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(allowed).as("allowed requests checked").isGreaterThan(100);
    }

    @Test
    void authorsAreRefusedEveryActionOnAnotherAuthorsArticle() throws Exception {
        List<String> failures = new ArrayList<>();
        List<StaffRoutes.Route> onArticles = StaffRoutes.all().stream().filter(StaffRoutes.Route::onAnArticle)
                .toList();
        for (StaffRoutes.Route route : onArticles) {
            // The article is the author's own: the owner gets the expected page where authors may act at all...
            Answer owner = perform(route, author);
            boolean authorsMay = route.allowed().contains(Role.AUTHOR);
            if (authorsMay && !owner.isTheExpectedPage(route)) {
                failures.add("owner " + route + " → " + owner + " (should get the expected page)");
            }
            // ...and another author gets 403 on every one of them, with the article left as it was.
            Answer other = perform(route, otherAuthor);
            if (other.response().getStatus() != 403) {
                failures.add("other author " + route + " → " + other + " (should be 403)");
            }
        }
        assertThat(onArticles).hasSizeGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    @Test
    void theActuatorBeyondHealthIsForAdministratorsOrTheMachineItself() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info")) {
            for (Role role : Role.values()) {
                expect(failures, role + " " + path, actuator(path, accounts.get(role), false), 200);
            }
            expect(failures, "anonymous " + path, actuator(path, null, false), 200);
        }
        for (String path : List.of("/actuator", "/actuator/prometheus")) {
            for (Role role : Role.values()) {
                expect(failures, role + " " + path, actuator(path, accounts.get(role), false),
                        role == Role.ADMIN ? 200 : 403);
            }
            expect(failures, "anonymous " + path + " from afar", actuator(path, null, false), 302);
            expect(failures, "anonymous " + path + " from this machine", actuator(path, null, true), 200);
        }
        assertThat(failures).isEmpty();
    }

    private static void expect(List<String> failures, String what, MockHttpServletResponse response, int status) {
        if (response.getStatus() != status) {
            failures.add(what + " → " + response.getStatus() + " (should be " + status + ")");
        }
    }

    private MockHttpServletResponse actuator(String path, Account as, boolean local) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(r -> {
            r.setRemoteAddr(local ? "127.0.0.1" : "203.0.113.7");
            return r;
        });
        if (as != null) {
            request.with(staff.as(as));
        }
        return mvc.perform(request).andReturn().getResponse();
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

    /** A response, and the fixtures the request named (to tell where a success should lead). */
    record Answer(MockHttpServletResponse response, Map<String, String> fixtures) {

        boolean isTheExpectedPage(StaffRoutes.Route route) {
            int status = response.getStatus();
            return route.post() ? status == 302 && route.isSuccess(response.getRedirectedUrl(), fixtures)
                    : status == 200;
        }

        @Override
        public String toString() {
            return response.getStatus() + (response.getRedirectedUrl() == null ? "" : " to " + response.getRedirectedUrl());
        }
    }

    private Answer perform(StaffRoutes.Route route, Account as) throws Exception {
        Map<String, String> values = fixtures.forRoute(route, author, target);
        String path = StaffRoutes.fill(route.path(), values);
        AbstractMockHttpServletRequestBuilder<?> request = !route.post() ? get(path)
                : route.upload() ? multipart(path).file(new MockMultipartFile("file", "pixel.png", "image/png",
                        StaffRouteFixtures.PNG)).with(csrf())
                : post(path).with(csrf());
        route.fields().forEach((name, value) -> request.param(name, StaffRoutes.fill(value, values)));
        if (as != null) {
            request.with(staff.as(as));
        }
        return new Answer(mvc.perform(request).andReturn().getResponse(), values);
    }
}
