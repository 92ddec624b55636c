package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/** An editor stages an update to a live article in a real browser, previews it and publishes it. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class StagedUpdateBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    WebDriver browser;

    Account editor;

    Article article;

    @BeforeEach
    void setUp(WebDriver browser) {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        article = content.article("Bridge closes for repairs").body("The bridge closes on Friday.").published();
        content.clock().advance(Duration.ofHours(3));
        this.browser = browser;
    }

    @Test
    void anEditorSavesAPendingUpdatePreviewsItAndPublishesItWithACorrectionNote() {
        signIn();
        browser.get(site.baseUrl() + "/admin/articles/" + article.getId() + "/edit");
        assertThat(browser.findElement(By.cssSelector("input[name=saveAs][value=pending]")).isSelected())
                .as("a published article's changes wait by default").isTrue();
        WebElement body = browser.findElement(By.id("bodyMarkdown"));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("The bridge closes on Saturday.");
        Browser.click(browser, By.cssSelector("button[value=save]"));

        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("Pending update saved. Readers still see the published text.");
        assertThat(site.get("/articles/bridge-closes-for-repairs").html().select(".article-body").text())
                .isEqualTo("The bridge closes on Friday.");

        browser.get(browser.findElement(By.linkText("Preview the update")).getAttribute("href"));
        assertThat(browser.findElement(By.cssSelector(".preview-banner")).getText())
                .startsWith("Pending update — not published");
        assertThat(browser.findElement(By.cssSelector(".article-body")).getText())
                .isEqualTo("The bridge closes on Saturday.");

        browser.get(site.baseUrl() + "/admin/articles/" + article.getId() + "/edit");
        Browser.click(browser, By.linkText("Publish, review or discard the update"));
        Browser.click(browser, By.id("addCorrection"));
        browser.findElement(By.id("correction")).sendKeys("An earlier version gave the wrong day.");
        Browser.click(browser, By.xpath("//button[normalize-space()='Publish the update now']"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("The update is published: readers see the new text.");

        browser.get(site.baseUrl() + "/articles/bridge-closes-for-repairs");
        assertThat(browser.findElement(By.cssSelector(".article-body")).getText())
                .isEqualTo("The bridge closes on Saturday.");
        assertThat(browser.findElement(By.cssSelector(".meta .updated")).getText()).startsWith("Updated");
        assertThat(browser.findElement(By.cssSelector(".corrections")).getText())
                .contains("An earlier version gave the wrong day.");
    }

    private void signIn() {
        browser.get(site.baseUrl() + "/login");
        Browser.submitSignIn(browser, editor.getEmail());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    }
}
