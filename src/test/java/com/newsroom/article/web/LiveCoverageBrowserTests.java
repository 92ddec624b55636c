package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.ProductionCacheIntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/** An editor makes a story live and posts an update in a real browser; a reader's next reload shows it. */
@ProductionCacheIntegrationTest
@ExtendWith(BrowserExtension.class)
class LiveCoverageBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    WebDriver browser;

    @BeforeEach
    void startBrowser(WebDriver browser) {
        content.reset();
        this.browser = browser;
    }

    @Test
    void editorPostsAnUpdateThatAReaderSeesOnReload() {
        Article article = content.article("Election night").body("Polls close at nine.").published();
        content.settle();
        String page = site.baseUrl() + "/articles/election-night";
        browser.get(page);
        assertThat(browser.findElements(By.cssSelector(".live-marker"))).isEmpty();

        signIn(staff.create("Lena Live", Role.EDITOR));
        browser.get(site.baseUrl() + "/admin/articles/" + article.getId() + "/edit");
        Browser.click(browser, By.linkText("Live coverage"));
        Browser.click(browser, By.xpath("//button[text()='Make this a live page']"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The article is a live page.");
        browser.findElement(By.id("update-body")).sendKeys("First results: **turnout** is up in the north.");
        Browser.click(browser, By.xpath("//button[text()='Post update']"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Update posted.");

        // The reader: no session, the page served from the cache as readers get it.
        browser.manage().deleteAllCookies();
        content.settle();
        browser.get(page);
        assertThat(browser.findElement(By.cssSelector(".live-badge")).getText()).isEqualToIgnoringCase("Live");
        assertThat(browser.findElement(By.cssSelector(".live-update-body")).getText())
                .isEqualTo("First results: turnout is up in the north.");
        assertThat(browser.findElement(By.cssSelector(".live-update-author")).getText()).isEqualTo("Lena Live");
        assertThat(browser.findElement(By.cssSelector(".live-update strong")).getText()).isEqualTo("turnout");
    }

    private void signIn(Account account) {
        browser.get(site.baseUrl() + "/admin");
        Browser.submitSignIn(browser, account.getEmail());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    }
}
