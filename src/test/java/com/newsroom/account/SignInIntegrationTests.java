package com.newsroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** Signing in and out over real HTTP, with sessions in PostgreSQL. */
@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    private Account staff(String name, Role role) {
        return transaction.execute(status -> StaffFixtures.create(accounts, name, role));
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
        staff("Erin Editor", Role.EDITOR);
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
        staff("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);

        SiteClient.Page signedIn = browser.signIn("Erin.Editor@Newsroom.TEST", StaffFixtures.PASSWORD);

        assertThat(signedIn.header("Location")).endsWith("/admin");
    }

    @Test
    void wrongPasswordShowsAClearMessageAndKeepsTheUsername() {
        staff("Erin Editor", Role.EDITOR);
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
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        staff("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.signIn("erin.editor", "guess " + i).header("Location")).endsWith("error=failed");
        }
        assertThat(browser.signIn("erin.editor", "guess 5").header("Location")).endsWith("error=locked");

        SiteClient.Page locked = new HttpSignIn(site).signIn("erin.editor", StaffFixtures.PASSWORD);

        assertThat(locked.header("Location")).endsWith("/login?error=locked");
        SiteClient.Page page = browser.get("/login?error=locked");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.html().select(".form-error").text()).contains("Too many failed sign-in attempts");
    }

    @Test
    void disabledAccountCannotSignIn() {
        Account account = staff("Erin Editor", Role.EDITOR);
        staff("Ada Admin", Role.ADMIN);
        transaction.executeWithoutResult(s -> accounts.setEnabled(account.getId(), false,
                com.newsroom.audit.AuditLog.Actor.SYSTEM));

        SiteClient.Page failed = new HttpSignIn(site).signIn("erin.editor", StaffFixtures.PASSWORD);

        assertThat(failed.header("Location")).endsWith("/login?error=disabled");
    }

    @Test
    void changedDisplayNameShowsAtOnceWithoutSigningInAgain() {
        staff("Erin Editor", Role.EDITOR);
        HttpSignIn browser = new HttpSignIn(site);
        assertThat(browser.signInAs("erin.editor", StaffFixtures.PASSWORD)).isEqualTo("Erin Editor");

        browser.post("/admin/profile", "/admin/profile", Map.of("displayName", "Erin Q. Editor", "bio", ""));

        assertThat(browser.get("/admin").html().select(".signed-in-as").text()).isEqualTo("Erin Q. Editor");
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        staff("Erin Editor", Role.EDITOR);
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
        assertThat(home.header("Cache-Control")).isNull();
    }
}
