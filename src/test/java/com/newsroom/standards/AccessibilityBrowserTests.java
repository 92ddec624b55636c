package com.newsroom.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/**
 * Every page type, rendered in headless chromium with the site's CSS, has no serious or critical axe-core
 * violation. axe-core comes from Maven Central (org.webjars.npm:axe-core) and is injected by WebDriver, which
 * the site's Content-Security-Policy does not restrict.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class AccessibilityBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(AccessibilityBrowserTests.class);

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final AtomicInteger CHECKED = new AtomicInteger();

    private static final AtomicInteger RULES = new AtomicInteger();

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    WebDriver browser;

    boolean signedIn;

    @TestFactory
    Stream<DynamicTest> everyPageTypeHasNoSeriousOrCriticalViolations(WebDriver browser) throws IOException {
        PageTypes.Fixture fixture = PageTypes.Fixture.create(content, staff);
        String axe = axeSource();
        this.browser = browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // The check itself must be able to fail: a page with an unlabelled image and no language is caught.
        DynamicTest selfCheck = DynamicTest.dynamicTest("axe-core catches a known violation", () -> {
            browser.get("data:text/html,<html><head><title>x</title></head><body><img src='x.png'></body></html>");
            assertThat(serious(run(axe), "self-check")).anySatisfy(line -> assertThat(line).contains("image-alt"));
        });
        return Stream.concat(Stream.of(selfCheck), PageTypes.ALL.stream().map(page -> DynamicTest.dynamicTest(page.name(), () -> {
            open(page, fixture);
            Map<String, Object> result = run(axe);
            RULES.set(((Number) result.get("rules")).intValue());
            CHECKED.incrementAndGet();
            assertThat(serious(result, page.name())).as("serious or critical axe-core violations on %s (%s)",
                    page.name(), browser.getCurrentUrl()).isEmpty();
        })));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String axe) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done({
                  rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
                  violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))
                }), e => done({ error: String(e) }));
                """);
        assertThat(result.get("error")).as("axe-core failed").isNull();
        return result;
    }

    /** Serious and critical violations, one line each; lesser ones are logged. */
    @SuppressWarnings("unchecked")
    private static List<String> serious(Map<String, Object> result, String page) {
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
            String line = violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help")
                    + " at " + violation.get("nodes");
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            }
            else {
                log.info("axe-core on {}: {}", page, line);
            }
        }
        return serious;
    }

    @AfterAll
    static void count() {
        log.info("axe-core: {} page types checked, {} rules each", CHECKED.get(), RULES.get());
    }

    private void open(PageTypes.PageType page, PageTypes.Fixture fixture) {
        String url = site.baseUrl() + page.resolvedPath(fixture);
        if (page.staff() && !signedIn) {
            browser.get(site.baseUrl() + "/login");
            Browser.submitSignIn(browser, PageTypes.STAFF_LOGIN);
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(driver -> driver.getCurrentUrl().endsWith("/admin"));
            signedIn = true;
        }
        if (page.form() == null) {
            browser.get(url);
            if (page.staff()) {
                // The page checked must be the staff page, not the sign-in page it would fall back to.
                assertThat(browser.getCurrentUrl()).as(page.name()).doesNotContain("/login");
                assertThat(browser.findElement(By.cssSelector(".signed-in-as")).getText()).as(page.name())
                        .isNotBlank();
            }
            if (url.contains("#")) {
                // A state the page's script opens from the address (a dialog): checked open, not just present.
                var opened = browser.findElement(By.id(url.substring(url.indexOf('#') + 1)));
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(driver -> !"dialog".equals(opened.getTagName()) || "true".equals(opened.getDomProperty("open")));
            }
            return;
        }
        if (page.staff()) {
            // A staff form, sent from its page with the session's CSRF token; the page it leads to is checked.
            browser.get(site.baseUrl() + page.formPage());
            String token = browser.findElement(By.cssSelector("input[name=_csrf]")).getDomAttribute("value");
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(page.form());
            fields.put("_csrf", token);
            submit(url, fields);
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(driver -> driver.findElements(By.cssSelector(".decided, .notice")).size() > 0);
            return;
        }
        // Send the form as the browser would (same origin), then check the page that comes back.
        browser.get(site.baseUrl() + "/");
        submit(url, page.form());
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("/comments"));
        assertThat(browser.findElements(By.cssSelector(".field-error"))).as("the form shows its errors").isNotEmpty();
    }

    /** Sends a form from the page the browser is on, as the browser would (same origin). */
    private void submit(String url, Map<String, String> fields) {
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of Object.entries(arguments[1])) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """, url, fields);
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
