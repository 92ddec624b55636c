package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/** Images put into an article from the editor in a real browser (picker, drop, paste), and the share card. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class EditorImagesBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeEach
    void startBrowser(WebDriver browser) {
        content.reset();
        content.category("Technology");
        this.browser = browser;
    }

    @Test
    void authorPicksAnImageIsAskedForAltTextAndGetsTheMarkdownWhereTheCursorWas() throws Exception {
        signIn(staff.create("Andy Author", Role.AUTHOR));
        browser.get(site.baseUrl() + "/admin/articles/new");
        WebElement body = browser.findElement(By.id("bodyMarkdown"));
        body.sendKeys("First paragraph.\n\nLast paragraph.");
        script("arguments[0].setSelectionRange(16, 16)", body);

        Browser.click(browser, By.cssSelector(".insert-image"));
        WebElement dialog = browser.findElement(By.id("image-upload"));
        assertThat(dialog.getDomProperty("open")).isEqualTo("true");
        Path file = Files.createTempFile("harbour", ".png");
        Files.write(file, MediaLibraryIntegrationTests.png(1200, 600));
        browser.findElement(By.id("image-upload-file")).sendKeys(file.toString());
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(dialog.findElement(By.cssSelector(".image-upload-error")).getText())
                .isEqualTo("Write alt text for the image (up to 300 characters).");
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();

        browser.findElement(By.id("image-upload-alt")).sendKeys("Cranes at dawn");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        waitUntil(() -> !"true".equals(dialog.getDomProperty("open")));
        String key = jdbc.sql("select public_key from media").query(String.class).single();
        assertThat(body.getDomProperty("value"))
                .isEqualTo("First paragraph.\n\n![Cranes at dawn](/media/" + key + "/large)\n\nLast paragraph.");
        // The live preview renders it as readers will get it: every variant, and the space reserved.
        waitUntil(() -> !browser.findElements(By.cssSelector(".live-preview img[srcset]")).isEmpty());
        WebElement shown = browser.findElement(By.cssSelector(".live-preview img"));
        assertThat(shown.getDomAttribute("width")).isEqualTo("1200");
        assertThat(shown.getDomAttribute("alt")).isEqualTo("Cranes at dawn");
    }

    @Test
    void imageDroppedOnTheTextOrPastedIntoItOpensTheDialogWithThatFile() {
        signIn(staff.create("Erin Editor", Role.EDITOR));
        browser.get(site.baseUrl() + "/admin/articles/new");
        WebElement body = browser.findElement(By.id("bodyMarkdown"));
        body.sendKeys("Text.");
        String png = Base64.getEncoder().encodeToString(pngBytes());

        script("""
                const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], 'dropped.png', {type: 'image/png'}));
                arguments[0].dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                """, body, png);
        insertWithAlt("A dropped picture");
        waitUntil(() -> body.getDomProperty("value").contains("![A dropped picture](/media/"));

        script("""
                arguments[0].setSelectionRange(0, 0);
                const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], 'image.png', {type: 'image/png'}));
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: transfer, bubbles: true, cancelable: true}));
                """, body, png);
        insertWithAlt("A pasted picture");
        waitUntil(() -> body.getDomProperty("value").startsWith("![A pasted picture](/media/"));
        assertThat(jdbc.sql("select alt_text from media order by id").query(String.class).list())
                .containsExactly("A dropped picture", "A pasted picture");
    }

    @Test
    void shareCardAndCounterFollowWhatIsTyped() {
        signIn(staff.create("Erin Editor", Role.EDITOR));
        browser.get(site.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys("Harbour at dawn");
        browser.findElement(By.id("bodyMarkdown")).sendKeys("Cranes and ships.");
        assertThat(browser.findElement(By.cssSelector(".share-card-title")).getText()).isEqualTo("Harbour at dawn");
        assertThat(browser.findElement(By.cssSelector(".share-card-description")).getText())
                .as("the excerpt derived from the body stands in").isEqualTo("Cranes and ships.");

        browser.findElement(By.id("metaDescription")).sendKeys("The early shift at the port.");
        assertThat(browser.findElement(By.cssSelector(".share-card-description")).getText())
                .isEqualTo("The early shift at the port.");
        assertThat(browser.findElement(By.id("meta-description-count")).getText()).isEqualTo("28 of 160 characters");
        browser.findElement(By.id("heroImageUrl")).sendKeys("https://example.org/hero.jpg");
        assertThat(browser.findElement(By.cssSelector(".share-card-image img")).getDomAttribute("src"))
                .isEqualTo("https://example.org/hero.jpg");
    }

    private void insertWithAlt(String alt) {
        WebElement dialog = browser.findElement(By.id("image-upload"));
        waitUntil(() -> "true".equals(dialog.getDomProperty("open")));
        waitUntil(() -> browser.findElement(By.cssSelector(".image-upload-preview")).isDisplayed());
        WebElement altField = browser.findElement(By.id("image-upload-alt"));
        assertThat(browser.switchTo().activeElement()).as("alt text is asked for first").isEqualTo(altField);
        altField.sendKeys(alt);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(() -> !"true".equals(dialog.getDomProperty("open")));
    }

    private static byte[] pngBytes() {
        try {
            return MediaLibraryIntegrationTests.png(300, 200);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void signIn(Account account) {
        browser.get(site.baseUrl() + "/login");
        Browser.submitSignIn(browser, account.getEmail());
        waitUntil(() -> browser.getCurrentUrl().endsWith("/admin"));
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
    }
}
