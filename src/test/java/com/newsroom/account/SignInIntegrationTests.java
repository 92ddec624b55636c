package com.newsroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;
import com.newsroom.testsupport.Together;

/** Signing in and out over real HTTP, with sessions in PostgreSQL. */
@IntegrationTest
class SignInIntegrationTests {

    /** Requests on one session at once, as two tabs saving, or a form posted while another page loads. */
    static final int TABS = 4;

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void anonymousVisitorIsSentToTheSignInPage() {
        SiteClient.Page page = site.get("/admin/articles");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        SiteClient.Page login = site.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.html().select("h1").text()).isEqualTo("Staff sign in");
        assertThat(login.html().select("link[href~=^/css/admin(-[0-9a-f]{32})?\\.css$]")).hasSize(1);
    }

    @Test
    void staffSignInWithUsernameGetsANewSessionStoredInPostgresAndSignsOut() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        browser.get("/login");
        String anonymousSession = browser.sessionCookie();

        SiteClient.Page signedIn = browser.signIn("erin.editor", StaffFixtures.PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin");
        assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(anonymousSession);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'erin.editor'")
                .query(Integer.class).single()).isEqualTo(1);
        SiteClient.Page dashboard = browser.get("/admin");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.html().select(".signed-in-as").text()).isEqualTo("Erin Editor");
        assertThat(dashboard.header("Cache-Control")).contains("no-store");

        SiteClient.Page signedOut = browser.post("/admin", "/logout", Map.of());
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(browser.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void staffCanSignInWithTheirEmailInAnyCase() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);

        SiteClient.Page signedIn = browser.signIn("Erin.Editor@Newsroom.TEST", StaffFixtures.PASSWORD);

        assertThat(signedIn.header("Location")).endsWith("/admin");
    }

    @Test
    void wrongPasswordShowsAClearMessageAndKeepsTheUsername() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);

        SiteClient.Page failed = browser.signIn("erin.editor", "not the password");
        assertThat(failed.header("Location")).endsWith("/login?error=failed");
        SiteClient.Page page = browser.get("/login?error=failed");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.html().select(".form-error").text()).contains("do not match");
        assertThat(page.html().select("input[name=username]").attr("value")).isEqualTo("erin.editor");
        assertThat(browser.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheAccountFromThatAddressEvenAgainstTheRightPassword() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("erin.editor", "guess " + i).header("Location")).endsWith("error=failed");
        }
        assertThat(browser.signIn("erin.editor", "guess 6").header("Location")).endsWith("error=locked");

        SiteClient.Page locked = new HttpSignIn(site).signIn("erin.editor", StaffFixtures.PASSWORD);

        assertThat(locked.header("Location")).endsWith("/login?error=locked");
        SiteClient.Page page = browser.get("/login?error=locked");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.html().select(".form-error").text()).contains("Too many failed sign-in attempts");
    }

    @Test
    void changedDisplayNameShowsAtOnceWithoutSigningInAgain() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        assertThat(browser.signInAs("erin.editor", StaffFixtures.PASSWORD)).isEqualTo("Erin Editor");

        browser.post("/admin/profile", "/admin/profile", Map.of("displayName", "Erin Q. Editor", "bio", ""));

        assertThat(browser.get("/admin").html().select(".signed-in-as").text()).isEqualTo("Erin Q. Editor");
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        browser.signInAs("erin.editor", StaffFixtures.PASSWORD);

        SiteClient.Page refused = browser.postRaw("/logout", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser.signedInName()).isEqualTo("Erin Editor");
    }

    @Test
    void readerPagesStayOpenWithoutSignInAndStartNoSession() {
        SiteClient.Page home = site.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(site.get("/latest").status()).isEqualTo(200);
        assertThat(home.header("Set-Cookie")).isNull();
        // The page cache (off in this context) is what marks a page as shareable; anything else stays private.
        assertThat(home.header("Cache-Control")).isEqualTo("private, no-store");
    }

    // --- Throttling (issue 11, item 6) ---

    @Test
    void aBurstOfConcurrentWrongPasswordsGetsNoMorePasswordChecksThanTheLimit() throws Exception {
        staff.create("Erin Editor", Role.EDITOR);
        int burst = 20;
        List<HttpSignIn> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            HttpSignIn browser = new HttpSignIn(site);
            tokens.add(browser.get("/login").html().select("input[name=_csrf]").attr("value"));
            browsers.add(browser);
        }
        CyclicBarrier start = new CyclicBarrier(burst);
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                HttpSignIn browser = browsers.get(i);
                String token = tokens.get(i);
                String guess = "wrong guess " + i;
                outcomes.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return browser.postRaw("/login", Map.of("username", "erin.editor", "password", guess,
                            "_csrf", token)).header("Location");
                }));
            }
            int failed = 0;
            int locked = 0;
            for (Future<String> outcome : outcomes) {
                String location = outcome.get(60, TimeUnit.SECONDS);
                failed += location.endsWith("error=failed") ? 1 : 0;
                locked += location.endsWith("error=locked") ? 1 : 0;
            }
            assertThat(failed).as("passwords checked").isEqualTo(5);
            assertThat(locked).isEqualTo(burst - 5);
            assertThat(audited("signin.failed")).isEqualTo(5);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void usernameAndEmailCountAsOneAccount() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.signIn("erin.editor", "guess " + i).header("Location")).endsWith("error=failed");
        }
        for (int i = 0; i < 2; i++) {
            assertThat(browser.signIn("Erin.Editor@newsroom.test", "guess " + i).header("Location"))
                    .endsWith("error=failed");
        }

        assertThat(browser.signIn("ERIN.EDITOR", "guess 6").header("Location")).endsWith("error=locked");
    }

    @Test
    void aDisabledAccountAndAnUnknownNameGetTheSameAnswerAsAWrongPassword() {
        Account account = staff.create("Erin Editor", Role.EDITOR);
        staff.create("Ada Admin", Role.ADMIN);
        transaction.executeWithoutResult(s -> accounts.setEnabled(account.getId(), false,
                com.newsroom.audit.AuditLog.Actor.SYSTEM));
        HttpSignIn browser = new HttpSignIn(site);

        String disabledWrong = browser.signIn("erin.editor", "not the password").header("Location");
        String disabledRight = new HttpSignIn(site).signIn("erin.editor", StaffFixtures.PASSWORD).header("Location");
        String unknown = new HttpSignIn(site).signIn("nobody.here", "not the password").header("Location");
        String wrong = new HttpSignIn(site).signIn("ada.admin", "not the password").header("Location");

        assertThat(List.of(disabledWrong, disabledRight, unknown, wrong)).allSatisfy(
                location -> assertThat(location).endsWith("/login?error=failed"));
        assertThat(browser.get("/login?error=failed").html().select(".form-error").text())
                .isEqualTo("That username or email and password do not match. Please try again.");
        assertThat(browser.get("/login?error=disabled").html().select(".form-error").text())
                .doesNotContain("disabled");
    }

    @Test
    void signInsSucceededAndFailedAreAuditedWithAnAddressHashAndTime() {
        staff.create("Erin Editor", Role.EDITOR);
        new HttpSignIn(site).signIn("erin.editor", "wrong password here");
        new HttpSignIn(site).signIn("erin.editor", StaffFixtures.PASSWORD);

        var rows = jdbc.sql("select action, subject, detail, at from audit_log where action like 'signin.%' order by id")
                .query((rs, n) -> List.of(rs.getString("action"), rs.getString("subject"), rs.getString("detail"),
                        String.valueOf(rs.getTimestamp("at"))))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(0, 2)).containsExactly("signin.failed", "erin.editor");
        assertThat(rows.get(1).subList(0, 2)).containsExactly("signin.succeeded", "erin.editor");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(2)).matches("address [0-9a-f]{16}").doesNotContain("127.0.0.1");
            assertThat(row.get(3)).isNotEqualTo("null");
        });
        assertThat(jdbc.sql("select count(*) from audit_log where detail like '%wrong password%' or subject like '%wrong%'")
                .query(Integer.class).single()).isZero();
    }

    // --- Sessions (issue 11, items 2 and 8) ---

    @Test
    void aDemotedEditorsOpenSessionEndsAtOnce() {
        Account editor = staff.create("Erin Editor", Role.EDITOR);
        staff.create("Ada Admin", Role.ADMIN);
        HttpSignIn browser = new HttpSignIn(site);
        browser.signIn("erin.editor", StaffFixtures.PASSWORD);
        assertThat(browser.get("/admin/categories").status()).isEqualTo(200);

        transaction.executeWithoutResult(s -> accounts.changeRoles(editor.getId(), java.util.EnumSet.of(Role.AUTHOR),
                com.newsroom.audit.AuditLog.Actor.SYSTEM));

        SiteClient.Page after = browser.get("/admin/categories");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/login");
    }

    @Test
    void anAdministratorsPasswordResetEndsTheAccountsSessions() {
        Account editor = staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        browser.signIn("erin.editor", StaffFixtures.PASSWORD);

        transaction.executeWithoutResult(s -> accounts.resetPassword(editor.getId(), "a brand new password",
                com.newsroom.audit.AuditLog.Actor.SYSTEM));

        assertThat(browser.get("/admin").header("Location")).endsWith("/login");
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsButNotThisOne() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn laptop = new HttpSignIn(site);
        laptop.signIn("erin.editor", StaffFixtures.PASSWORD);
        HttpSignIn phone = new HttpSignIn(site);
        phone.signIn("erin.editor", StaffFixtures.PASSWORD);

        SiteClient.Page changed = phone.post("/admin/profile", "/admin/profile/password", Map.of("currentPassword",
                StaffFixtures.PASSWORD, "newPassword", "another long password"));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(phone.get("/admin").status()).isEqualTo(200);
        assertThat(laptop.get("/admin").header("Location")).endsWith("/login");
    }

    @Test
    void passwordsOver72BytesAreRefusedWithAMessageWhenSet() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        browser.signIn("erin.editor", StaffFixtures.PASSWORD);

        SiteClient.Page refused = browser.post("/admin/profile", "/admin/profile/password", Map.of("currentPassword",
                StaffFixtures.PASSWORD, "newPassword", "ü".repeat(37)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select(".form-error").text()).contains("at most 72 bytes");
    }

    @Test
    void sessionsEndAfterTwoIdleHoursAndTwelveHoursAtTheLatest() {
        staff.create("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        browser.signIn("erin.editor", StaffFixtures.PASSWORD);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'erin.editor'")
                .query(Integer.class).single()).isEqualTo(7200);
        content.clock().advance(Duration.ofHours(11));
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        content.clock().advance(Duration.ofHours(1).plusMinutes(1));

        assertThat(browser.get("/admin").header("Location")).endsWith("/login");
    }

    private int audited(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :action").param("action", action)
                .query(Integer.class).single();
    }

    @Test
    void postsOnOneSessionThatAllAddTheSameFlashMessageAtOnceAllSucceed() throws SQLException {
        HttpSignIn editor = this.staff.signedIn("Tab Keeper", Role.EDITOR);
        String token = editor.get("/admin/profile").html().select("input[name=_csrf]").attr("value");

        // Every request loads the session before it saves it: held, each saves the session as it loaded it (no flash
        // message yet).
        List<Integer> statuses = tabsSavingTheSessionTogether("tab.keeper", tab -> () -> editor.postRaw(
                "/admin/profile", Map.of("displayName", "Tab Keeper " + tab, "_csrf", token)).status());

        assertThat(statuses).as("each request's answer").containsOnly(302);
        assertThat(jdbc.sql("""
                select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = 'tab.keeper' and a.attribute_name like '%FLASH_MAPS'""")
                .query(Integer.class).single()).as("the flash messages, stored once").isEqualTo(1);
        assertThat(editor.signedInName()).startsWith("Tab Keeper");
        assertThat(editor.get("/admin/profile").html().select(".flash").text()).as("the flash message shown")
                .isNotBlank();
    }

    @Test
    void formsOpenedInSeveralTabsAtOnceStraightAfterSigningInAreAllAccepted() throws SQLException {
        staff.create("Tab Opener", Role.EDITOR);
        HttpSignIn editor = new HttpSignIn(site);
        assertThat(editor.signIn("tab.opener", StaffFixtures.PASSWORD).status()).isEqualTo(302);

        // No page has been shown since signing in: held, every tab renders its form from the session as it loaded it.
        List<String> tokens = tabsSavingTheSessionTogether("tab.opener", tab -> () -> {
            SiteClient.Page form = editor.get("/admin/profile");
            assertThat(form.status()).isEqualTo(200);
            return form.html().select("input[name=_csrf]").attr("value");
        });

        for (int tab = 0; tab < TABS; tab++) {
            assertThat(editor.postRaw("/admin/profile", Map.of("displayName", "Tab Opener " + tab, "_csrf",
                    tokens.get(tab))).status()).as("the form of tab %d, sent", tab).isEqualTo(302);
        }
        assertThat(editor.signedInName()).isEqualTo("Tab Opener " + (TABS - 1));
    }

    /**
     * Runs {@link #TABS} requests on the session of {@code principal} at once, holding the session's row so that each
     * request's save of the session waits until all of them have got that far; then lets them save. Their results,
     * in tab order.
     */
    private <T> List<T> tabsSavingTheSessionTogether(String principal, IntFunction<Callable<T>> tab)
            throws SQLException {
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement(
                    "select 1 from spring_session where principal_name = ? for update")) {
                lock.setString(1, principal);
                lock.executeQuery();
            }
            try (Together<T> tabs = Together.start(TABS, tab)) {
                Awaitility.await("%d requests saving the session together".formatted(TABS))
                        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(this::savingTheSession, waiting -> waiting == TABS);
                hold.commit();
                return tabs.results();
            }
        }
    }

    /** Requests of this test's database waiting, in the session's save, for the row the test holds. */
    private int savingTheSession() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity where datname = current_database()
                  and wait_event_type = 'Lock' and query like 'UPDATE SPRING_SESSION%'""").query(Integer.class).single();
    }
}
