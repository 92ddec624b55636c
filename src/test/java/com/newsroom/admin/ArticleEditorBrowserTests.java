package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.article.Articles;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** The article editor in a real browser: what happens to an editor's words when things go wrong. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ArticleEditorBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    Articles articles;

    WebDriver browser;

    Account editor;

    @BeforeEach
    void setUp(WebDriver browser) {
        content.reset();
        content.category("Technology");
        editor = staff.create("Erin Editor", Role.EDITOR);
        this.browser = browser;
    }

    @Test
    void saveAfterTheSessionEndedAsksToSignInAgainAndKeepsTheText() {
        signIn();
        browser.get(site.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys("Harbour Strike Ends");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("Dockers voted to return on Monday.");
        // The session ends elsewhere (expired, or signed out in another tab) while the text is typed.
        browser.manage().deleteCookieNamed("SESSION");
        Browser.click(browser, By.cssSelector("button[value=save]"));

        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("what you submitted is kept");
        assertThat(articles.count()).isZero();
        typeCredentials();

        assertThat(browser.getCurrentUrl()).contains("/admin/articles/new");
        assertThat(browser.findElement(By.cssSelector(".kept-submission")).getText()).contains("not saved yet");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Harbour Strike Ends");
        assertThat(browser.findElement(By.id("bodyMarkdown")).getAttribute("value"))
                .isEqualTo("Dockers voted to return on Monday.");
        Browser.click(browser, By.cssSelector("button[value=save]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Saved.");
        assertThat(articles.findBySlug("harbour-strike-ends").orElseThrow().getBodyMarkdown())
                .isEqualTo("Dockers voted to return on Monday.");
    }

    @Test
    void textTypedButNeverSavedIsOfferedBackAfterTheTabIsClosedAndRestored(WebDriver later) {
        long id = content.article("Port deal signed").in(content.category("Business")).body("The deal was signed.")
                .draft().getId();
        content.clock().advance(Duration.ofMinutes(5));
        signIn();
        browser.get(site.baseUrl() + "/admin/articles/" + id + "/edit");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("\n\nThe minister **resigned** tonight.");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> d.findElement(By.cssSelector(".autosave-status")).getText().startsWith("Unsaved changes kept at"));
        assertThat(browser.findElement(By.cssSelector(".live-preview .article-body strong")).getText())
                .as("the live preview, rendered by the server").isEqualTo("resigned");
        assertThat(browser.findElement(By.cssSelector(".word-count")).getText()).isEqualTo("8 words · 1 min read");
        assertThat(articles.findById(id).orElseThrow().getBodyMarkdown()).as("readers' article untouched")
                .isEqualTo("The deal was signed.");

        // The tab is gone without a save (closed, crashed); the editor comes back in another browser.
        browser = later;
        signIn();
        browser.get(site.baseUrl() + "/admin/articles/" + id + "/edit");
        assertThat(browser.findElement(By.cssSelector(".autosave-offer")).getText()).startsWith("Unsaved changes from");
        assertThat(browser.findElement(By.id("bodyMarkdown")).getAttribute("value")).isEqualTo("The deal was signed.");
        Browser.click(browser, By.linkText("Restore them"));
        // (Browsers send a textarea's line breaks as CRLF, whether saved or kept.)
        assertThat(browser.findElement(By.id("bodyMarkdown")).getAttribute("value").replace("\r\n", "\n"))
                .isEqualTo("The deal was signed.\n\nThe minister **resigned** tonight.");
        Browser.click(browser, By.cssSelector("button[value=save]"));

        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Saved.");
        assertThat(articles.findById(id).orElseThrow().getBodyMarkdown().replace("\r\n", "\n"))
                .isEqualTo("The deal was signed.\n\nThe minister **resigned** tonight.");
        assertThat(browser.findElements(By.cssSelector(".autosave-offer"))).as("nothing left to offer").isEmpty();
    }

    @Test
    void leavingAnEditedFormAsksFirstButSavingItDoesNot() {
        signIn();
        browser.get(site.baseUrl() + "/admin/articles/new");
        assertThat(leavingWouldAsk()).as("nothing typed yet").isFalse();

        browser.findElement(By.id("title")).sendKeys("Half-written headline");
        assertThat(leavingWouldAsk()).as("typed, not saved").isTrue();

        Browser.click(browser, By.cssSelector("button[value=save]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Saved.");
        assertThat(leavingWouldAsk()).as("just saved").isFalse();
    }

    /**
     * Whether leaving the page now would ask first: the page's beforeunload handler cancels the event (which is
     * what makes the browser ask), checked directly, since headless chromium's own dialog is not dependable.
     */
    private boolean leavingWouldAsk() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const leaving = new Event('beforeunload', { cancelable: true });
                window.dispatchEvent(leaving);
                return leaving.defaultPrevented;""");
    }

    @Test
    void editorAndArticleListFitAPhoneAndTheEditorSavesWithTheKeyboardAlone() {
        content.article("A story with a rather long headline to wrap").draft();
        signIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/admin/articles", "/admin/articles/new")) {
            browser.get(site.baseUrl() + path);
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("horizontal overflow on " + path + " at 390 px").isLessThanOrEqualTo(0);
        }

        // Keyboard alone: type, then Tab through the form until Save has the focus, and press Enter.
        WebElement title = browser.findElement(By.id("title"));
        title.sendKeys("Typed on a phone");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("Every word by keyboard.");
        WebElement save = browser.findElement(By.cssSelector("button[value=save]"));
        int tabs = 0;
        while (!save.equals(browser.switchTo().activeElement()) && tabs++ < 80) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).as("Save reached with Tab").isEqualTo(save);
        Number right = (Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().right", save);
        assertThat(right.intValue()).as("Save within the screen's width").isLessThanOrEqualTo(390);
        save.sendKeys(Keys.ENTER);

        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Saved.");
        assertThat(articles.findBySlug("typed-on-a-phone")).isPresent();
    }

    private void signIn() {
        browser.get(site.baseUrl() + "/login");
        typeCredentials();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    }

    private void typeCredentials() {
        Browser.submitSignIn(browser, editor.getEmail());
    }
}
