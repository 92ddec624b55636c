package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.AccountService;
import com.newsroom.account.Role;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** How admin forms are laid out in a real browser, with the site's stylesheets and its Content-Security-Policy. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class AdminLayoutBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    WebDriver browser;

    @BeforeEach
    void signedInAdministrator(WebDriver browser) {
        content.reset();
        this.browser = browser;
        transaction.executeWithoutResult(status -> StaffFixtures.create(accounts, "Ad Min", Role.ADMIN));
        browser.get(site.baseUrl() + "/admin/settings");
        Browser.submitSignIn(browser, "ad.min");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.getCurrentUrl().contains("/admin/settings"));
    }

    @Test
    void adminFieldsAreAsTallAsTheirContentAndCheckboxesSitBesideTheirLabels() {
        for (String page : List.of("/admin/settings", "/admin/staff", "/admin/media")) {
            browser.get(site.baseUrl() + page);
            for (WebElement field : browser.findElements(By.cssSelector("form .field:not(fieldset)"))) {
                int height = field.getRect().getHeight();
                WebElement control = field.findElement(By.cssSelector("input, textarea, select"));
                // A label, a control and perhaps a hint: never the 192 px the public stylesheet's flex basis made.
                assertThat(height).as("height of a field on %s", page)
                        .isLessThanOrEqualTo(control.getRect().getHeight() + 90);
            }
        }
        browser.get(site.baseUrl() + "/admin/settings");
        for (WebElement box : browser.findElements(By.cssSelector(".checks input[type=checkbox]"))) {
            WebElement label = box.findElement(By.xpath("./following-sibling::span"));
            int boxMiddle = box.getRect().getY() + box.getRect().getHeight() / 2;
            assertThat(boxMiddle).as("checkbox beside its label").isBetween(label.getRect().getY(),
                    label.getRect().getY() + label.getRect().getHeight());
            assertThat(box.getRect().getX()).isLessThan(label.getRect().getX());
        }
    }

    @Test
    void formWidthsComeFromTheStylesheetSoTheContentSecurityPolicyBlocksNothing() {
        browser.get(site.baseUrl() + "/admin/media");
        WebElement upload = browser.findElement(By.cssSelector("form.upload-form"));
        assertThat(upload.getAttribute("style")).isNullOrEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0]).maxWidth", upload)).isEqualTo("576px");
        browser.get(site.baseUrl() + "/admin/settings");
        assertThat(browser.findElement(By.id("main")).getAttribute("style")).isNullOrEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.getElementById('main')).maxWidth")).isEqualTo("704px");
    }
}
