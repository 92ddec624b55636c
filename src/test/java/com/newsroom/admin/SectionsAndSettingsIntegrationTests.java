package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.category.Category;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** Categories, tags, staff and site settings as editors and administrators manage them. */
@IntegrationTest
class SectionsAndSettingsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SiteSettingsProvider settings;

    Account editor;

    Account admin;

    @BeforeEach
    void setUp() {
        content.reset();
        settings.refresh();
        editor = staff.create("Erin Editor", Role.EDITOR);
        admin = staff.create("Ada Admin", Role.ADMIN);
    }

    @AfterEach
    void forgetSettings() {
        content.reset();
        settings.refresh();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Account as) throws Exception {
        return mvc.perform(request.with(staff.as(as)).with(csrf())).andReturn().getResponse();
    }

    private Document page(String path, Account as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(staff.as(as))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void renamingACategorySlugKeepsTheOldAddressRedirecting() throws Exception {
        Category ai = content.category("AI");
        content.article("A story").in(ai).published();

        send(post("/admin/categories/" + ai.getId()).param("name", "Artificial Intelligence")
                .param("slug", "artificial-intelligence").param("description", "Models and chips."), editor);

        SiteClient.Page old = site.get("/category/ai");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).endsWith("/category/artificial-intelligence");
        Document renamed = site.get("/category/artificial-intelligence").html();
        assertThat(renamed.select("h1").text()).isEqualTo("Artificial Intelligence");
        assertThat(renamed.text()).contains("Models and chips.", "A story");
        for (String format : new String[] { "atom", "rss" }) {
            SiteClient.Page oldFeed = site.get("/category/ai/feed." + format);
            assertThat(oldFeed.status()).as(format).isEqualTo(301);
            assertThat(oldFeed.header("Location")).endsWith("/category/artificial-intelligence/feed." + format);
            assertThat(site.get("/category/artificial-intelligence/feed." + format).status()).isEqualTo(200);
        }
        assertThat(site.get("/category/never-was/feed.atom").status()).isEqualTo(404);
    }

    @Test
    void categoriesAreReorderedInTheNavigation() throws Exception {
        Category first = content.category("First");
        content.category("Second");

        send(post("/admin/categories/" + first.getId() + "/move").param("direction", "1"), editor);

        assertThat(site.get("/").html().select(".site-nav a").eachText()).containsExactly("Latest", "Second", "First");
    }

    @Test
    void categoryWithArticlesIsDeletedOnlyByMovingThemElsewhere() throws Exception {
        Category doomed = content.category("Doomed");
        Category keeper = content.category("Keeper");
        content.article("Survivor").in(doomed).published();

        MockHttpServletResponse refused = send(post("/admin/categories/" + doomed.getId() + "/delete"), editor);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString()).select(".form-error").text())
                .contains("still has articles");

        send(post("/admin/categories/" + doomed.getId() + "/delete").param("moveTo", String.valueOf(keeper.getId())),
                editor);

        assertThat(jdbc.sql("select count(*) from categories where id = :id").param("id", doomed.getId())
                .query(Integer.class).single()).isZero();
        assertThat(site.get("/category/keeper").html().text()).contains("Survivor");
    }

    @Test
    void invalidCategoryIsRefusedAndTheTypedNameKept() throws Exception {
        content.category("Taken");

        MockHttpServletResponse response = send(post("/admin/categories").param("name", "Another")
                .param("slug", "taken").param("description", "Typed description"), editor);

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".form-error").text()).contains("already uses this slug");
        assertThat(page.select("#name").attr("value")).isEqualTo("Another");
        assertThat(page.select("#description").text()).isEqualTo("Typed description");
    }

    @Test
    void mergingTagsMovesTheirArticlesAndRemovesTheSource() throws Exception {
        Tag ml = content.tag("ML");
        Tag ai = content.tag("AI");
        content.article("Tagged ML").tagged(ml).published();
        content.article("Tagged both").tagged(ml, ai).published();

        send(post("/admin/tags/" + ml.getId() + "/merge").param("into", String.valueOf(ai.getId())), editor);

        assertThat(site.get("/tag/ml").status()).isEqualTo(404);
        assertThat(site.get("/tag/ai").html().select(".card-title").eachText())
                .containsExactlyInAnyOrder("Tagged ML", "Tagged both");
        assertThat(page("/admin/audit", admin).select(".audit-table").text()).contains("Tags merged", "ML");
    }

    @Test
    void tagsAreRenamedAndDeleted() throws Exception {
        Tag typo = content.tag("Blokchain");
        Tag gone = content.tag("Gone");

        send(post("/admin/tags/" + typo.getId() + "/rename").param("name", "Blockchain"), editor);
        send(post("/admin/tags/" + gone.getId() + "/delete"), editor);

        assertThat(page("/admin/tags", editor).select(".tag-table td:first-child").eachText())
                .containsExactly("Blockchain");
        MockHttpServletResponse blank = send(post("/admin/tags/" + typo.getId() + "/rename").param("name", " "), editor);
        assertThat(blank.getStatus()).isEqualTo(422);
    }

    @Test
    void siteSettingsSavedByAnAdministratorAppearOnEveryPage() throws Exception {
        MockHttpServletResponse saved = send(post("/admin/settings").param("name", "The Daily Circuit")
                .param("tagline", "Chips, code and policy").param("about", "An independent newsroom.")
                .param("socialLinks", "Mastodon | https://mastodon.example/@circuit")
                .param("commentsEnabled", "true").param("commentsCloseAfterDays", "14")
                .param("commentPolicy", "Be kind."), admin);
        assertThat(saved.getStatus()).isEqualTo(302);

        Document home = site.get("/").html();
        assertThat(home.select(".site-name").text()).isEqualTo("The Daily Circuit");
        assertThat(home.select(".tagline").text()).isEqualTo("Chips, code and policy");
        assertThat(home.select(".follow-links a").eachAttr("href")).containsExactly("https://mastodon.example/@circuit");
        assertThat(settings.commentPolicy()).isEqualTo(
                new SiteSettingsProvider.CommentPolicy(true, false, 14, "Be kind."));
    }

    @Test
    void savedSettingsAreAuditedWithWhatChanged() throws Exception {
        send(post("/admin/settings").param("name", "The Daily Circuit").param("tagline", "")
                .param("commentsEnabled", "true").param("commentsCloseAfterDays", "14"), admin);

        var row = page("/admin/audit", admin).select(".audit-table tbody tr:has(td.action:contains(Settings changed))");
        assertThat(row).hasSize(1);
        assertThat(row.select("td.subject a").attr("href")).isEqualTo("/admin/settings");
        assertThat(row.select("td.detail").text()).contains("Site name: “Newsroom” → “The Daily Circuit”",
                "Close comments after: 3650 → 14 days", "Hold every comment for moderation: on → off")
                .doesNotContain("Readers may comment");
    }

    @Test
    void theHoldSettingSaysWhatItDoesWhenOff() throws Exception {
        Document form = page("/admin/settings", admin);
        var checkbox = form.select("input[name=commentsPremoderated]");
        assertThat(checkbox.parents().select("label").first().text()).isEqualTo("Hold every comment for moderation");
        assertThat(form.select("#" + checkbox.attr("aria-describedby")).text())
                .contains("a first-time commenter still waits in the queue");
        assertThat(form.select("main").attr("style")).isEmpty();
    }

    @Test
    void invalidSettingsAreRefusedWithMessagesAndTypedValuesKept() throws Exception {
        MockHttpServletResponse response = send(post("/admin/settings").param("name", "")
                .param("tagline", "Kept tagline").param("socialLinks", "not a link")
                .param("commentsCloseAfterDays", "soon"), admin);

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#name + .field-error").text()).contains("Give the site a name");
        assertThat(page.select("#socialLinks ~ .field-error").text()).contains("Name | https://address");
        assertThat(page.select("#commentsCloseAfterDays + .field-error").text()).contains("whole number");
        assertThat(page.select("#tagline").attr("value")).isEqualTo("Kept tagline");
        assertThat(settings.current().name()).isEqualTo("Newsroom");

        // The field fragment ties each refused control to its message and hint for assistive technology.
        assertThat(page.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#" + page.select("#name").attr("aria-describedby")).text())
                .contains("Give the site a name");
        assertThat(page.select("#socialLinks").attr("aria-describedby").split(" "))
                .containsExactly("socialLinks-error", "socialLinks-hint");
        assertThat(page.select("#tagline").hasAttr("aria-invalid")).as("an accepted field is not marked").isFalse();
    }

    @Test
    void administratorCreatesStaffChangesRolesAndDisablesWithAnAuditTrail() throws Exception {
        MockHttpServletResponse created = send(post("/admin/staff").param("displayName", "Nia New")
                .param("username", "nia").param("email", "nia@newsroom.test")
                .param("password", "a long initial password").param("roles", "AUTHOR"), admin);
        assertThat(created.getStatus()).isEqualTo(302);
        long accountId = jdbc.sql("select id from accounts where username = 'nia'").query(Long.class).single();

        send(post("/admin/staff/" + accountId + "/roles").param("roles", "EDITOR"), admin);
        send(post("/admin/staff/" + accountId + "/enabled").param("enabled", "false"), admin);

        assertThat(jdbc.sql("select role from account_roles where account_id = :id").param("id", accountId)
                .query(String.class).list()).containsExactly("EDITOR");
        assertThat(jdbc.sql("select enabled from accounts where id = :id").param("id", accountId)
                .query(Boolean.class).single()).isFalse();
        List<String> audit = page("/admin/audit", admin).select(".audit-table tbody tr").eachText();
        assertThat(audit).anySatisfy(row -> assertThat(row).contains("Ada Admin", "Roles changed", "AUTHOR → EDITOR"));
        assertThat(audit).anySatisfy(row -> assertThat(row).contains("Account disabled", "nia"));

        MockHttpServletResponse duplicate = send(post("/admin/staff").param("displayName", "Nia Again")
                .param("username", "nia").param("email", "other@newsroom.test")
                .param("password", "a long initial password"), admin);
        assertThat(duplicate.getStatus()).isEqualTo(422);
        Document refused = Jsoup.parse(duplicate.getContentAsString());
        assertThat(refused.select("#username ~ .field-error").text()).contains("already in use");
        assertThat(refused.select("#displayName").attr("value")).isEqualTo("Nia Again");
        assertThat(refused.select("#password").attr("value")).as("a password is never sent back").isEmpty();
    }

    @Test
    void lastAdministratorCannotBeDemoted() throws Exception {
        MockHttpServletResponse response = send(post("/admin/staff/" + admin.getId() + "/roles").param("roles",
                "EDITOR"), admin);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("select role from account_roles where account_id = :id").param("id", admin.getId())
                .query(String.class).list()).containsExactly("ADMIN");
    }

    @Test
    void staffEditTheirOwnProfileAndPassword() throws Exception {
        send(post("/admin/profile").param("displayName", "Erin E. Editor").param("bio", "Covers chips.")
                .param("avatarUrl", "/media/1/thumb"), editor);
        MockHttpServletResponse badAvatar = send(post("/admin/profile").param("displayName", "Kept name")
                .param("avatarUrl", "javascript:alert(1)"), editor);
        assertThat(badAvatar.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(badAvatar.getContentAsString()).select("#displayName").attr("value")).isEqualTo("Kept name");
        MockHttpServletResponse wrong = send(post("/admin/profile/password").param("currentPassword", "nope")
                .param("newPassword", "a brand new password"), editor);
        send(post("/admin/profile/password").param("currentPassword", StaffFixtures.PASSWORD)
                .param("newPassword", "a brand new password"), editor);

        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.getContentAsString()).select(".password-form .form-error").text())
                .contains("current password is not correct");
        assertThat(jdbc.sql("select display_name || ' / ' || bio || ' / ' || avatar_url from staff where id = :id")
                .param("id", editor.getStaffId()).query(String.class).single())
                .isEqualTo("Erin E. Editor / Covers chips. / /media/1/thumb");
        assertThat(new com.newsroom.account.HttpSignIn(site).signInAs("erin.editor", "a brand new password"))
                .isEqualTo("Erin E. Editor");
    }
}
