package com.newsroom.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver: a real browser, never one a tool downloads.
 * {@code NEWSROOM_CHROMIUM} and {@code NEWSROOM_CHROMEDRIVER} override the binaries' paths.
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start() {
        File chromium = binary("NEWSROOM_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = binary("NEWSROOM_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("newsroom-chromium-");
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // No sandbox as root; no background traffic, which this machine's closed network would refuse.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,1024", "--lang=en-GB",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // After a click the next page may still be loading: look for elements for a few seconds, as a person would.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Fills in the sign-in form on the page shown with a staff login and the fixtures' password, and sends it. */
    public static void submitSignIn(WebDriver browser, String login) {
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD);
        click(browser, By.cssSelector(".login-form button[type=submit]"));
    }

    /**
     * Brings the element into view at once (the site scrolls smoothly) and clicks it. A click that leaves the page
     * (a link, a form sent) returns once the next page is there: on a loaded machine chromedriver can return while
     * the old page is still shown, and what follows would read the old page's notices and elements.
     */
    public static void click(WebDriver browser, By selector) {
        WebElement element = browser.findElement(selector);
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
                + "window.newsroomLeaving = false;"
                + "window.addEventListener('beforeunload', () => { window.newsroomLeaving = true; });", element);
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        if (leaving(browser, page)) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> gone(page));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "complete".equals(
                    ((JavascriptExecutor) driver).executeScript("return document.readyState")));
        }
    }

    /**
     * Whether the click started leaving the page: the page is already gone, or it has seen {@code beforeunload},
     * which a navigation fires as it begins. Asked for a moment, as a form is sent just after the click.
     */
    private static boolean leaving(WebDriver browser, WebElement page) {
        long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
        do {
            if (gone(page) || Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                    "return window.newsroomLeaving === true"))) {
                return true;
            }
        }
        while (System.nanoTime() < until);
        return false;
    }

    /** Whether the page this element belongs to has been replaced by the next one. */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        }
        catch (StaleElementReferenceException replaced) {
            return true;
        }
        catch (WebDriverException replacing) {
            // Asked while the old document is being swapped out, chromedriver can answer with an inspector error.
            if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replacing;
        }
    }

    private static File binary(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver"
                    + " (bash .ci/install-browser) or set " + variable);
        }
        return file;
    }
}
