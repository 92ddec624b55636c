package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.ArticleStatus;
import com.newsroom.article.Articles;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** What an editor does in a real browser: sign in, write, preview and publish a story readers then find. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class EditorBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    Articles articles;

    WebDriver browser;

    @BeforeEach
    void startBrowser(WebDriver browser) {
        content.reset();
        this.browser = browser;
    }

    @Test
    void editorSignsInWritesPreviewsAndPublishesAStoryThatAppearsOnTheHomePage() {
        content.category("Technology");
        Account editor = staff.create("Erin Editor", Role.EDITOR);

        signIn(editor);
        assertThat(browser.findElement(By.cssSelector(".signed-in-as")).getText()).isEqualTo("Erin Editor");

        Browser.click(browser, By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Robots Learn to Fold Laundry");
        browser.findElement(By.id("dek")).sendKeys("A lab shows a cheap arm that handles towels.");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("## In the lab\n\nThe arm folded **forty** towels an hour.");
        browser.findElement(By.id("tags")).sendKeys("Robotics");
        Browser.click(browser, By.cssSelector("button[value=preview]"));

        assertThat(browser.findElement(By.cssSelector(".preview .article-body h2")).getText()).isEqualTo("In the lab");
        assertThat(browser.findElement(By.cssSelector(".preview .article-body strong")).getText()).isEqualTo("forty");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Robots Learn to Fold Laundry");

        Browser.click(browser, By.cssSelector("button[value=publish]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Published.");
        assertThat(browser.findElement(By.cssSelector(".article-state .badge")).getText()).isEqualToIgnoringCase("Published");

        browser.get(site.baseUrl() + "/");
        Browser.click(browser, By.linkText("Robots Learn to Fold Laundry"));
        assertThat(browser.getCurrentUrl()).endsWith("/articles/robots-learn-to-fold-laundry");
        assertThat(browser.findElement(By.cssSelector(".article-body h2")).getText()).isEqualTo("In the lab");
        assertThat(browser.findElement(By.cssSelector(".tags")).getText()).contains("Robotics");
    }

    @Test
    void scheduleWithoutADateSavesNothingAndSaysSoThenSchedulesOnceADateIsChosen() {
        content.category("Technology");
        signIn(staff.create("Erin Editor", Role.EDITOR));

        Browser.click(browser, By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Chip Export Rules Tighten");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("The rules tighten today.");
        Browser.click(browser, By.cssSelector("button[value=schedule]"));

        assertThat(browser.findElement(By.cssSelector(".form-error")).getText())
                .isEqualTo("Please correct the highlighted fields; nothing has been saved yet.");
        assertThat(browser.findElement(By.cssSelector("#scheduleAt + .field-error")).getText())
                .isEqualTo("Choose the date and time to publish at.");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Chip Export Rules Tighten");
        assertThat(articles.count()).as("nothing saved, as the page says").isZero();

        String tomorrow = LocalDateTime.ofInstant(content.now().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        // Typing into a date-time field depends on the browser's locale; set it as a date picker would.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("scheduleAt")), tomorrow);
        Browser.click(browser, By.cssSelector("button[value=schedule]"));

        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).startsWith("Scheduled");
        assertThat(browser.findElement(By.cssSelector(".article-state .badge")).getText())
                .isEqualToIgnoringCase("Scheduled");
        assertThat(articles.findBySlug("chip-export-rules-tighten").orElseThrow().getStatus())
                .isEqualTo(ArticleStatus.SCHEDULED);
    }

    private void signIn(Account account) {
        browser.get(site.baseUrl() + "/admin");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Browser.submitSignIn(browser, account.getEmail());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    }
}
