package com.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.category.Category;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** A reader searches from the header of any page, then narrows the results to one section. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class SearchBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void readerSearchesFromTheHeaderAndFiltersBySection(WebDriver browser) {
        Category energy = content.category("Energy");
        Category money = content.category("Money");
        content.article("Grid batteries smooth the evening peak").in(energy)
                .body("Operators say the batteries now cover the evening peak.").published();
        content.article("Battery makers raise fresh money").in(money)
                .body("Investors backed two battery startups.").published();

        browser.get(site.baseUrl() + "/");
        browser.findElement(By.cssSelector("header [role=search] input[name=q]")).sendKeys("batteries" + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));

        assertThat(browser.getCurrentUrl()).endsWith("/search?q=batteries");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Results for “batteries”");
        assertThat(browser.findElements(By.cssSelector(".search-hit .card-title"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".search-snippet mark"))).isNotEmpty();

        new Select(browser.findElement(By.id("search-category"))).selectByVisibleText("Money");
        Browser.click(browser, By.cssSelector("main form[role=search] button"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category=money"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-hit .card-title")));

        assertThat(browser.findElements(By.cssSelector(".search-hit .card-title")))
                .extracting(e -> e.getText()).containsExactly("Battery makers raise fresh money");
        assertThat(browser.findElement(By.id("search-query")).getAttribute("value")).isEqualTo("batteries");
    }
}
