package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.author.Author;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** What a reader does in a real browser: arrive on the front page and open a story. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ReaderBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void readerFollowsAHeadlineFromTheFrontPageToTheArticle(WebDriver browser) {
        Category metaverse = content.category("Metaverse");
        Tag china = content.tag("China");
        Author mei = content.author("Mei-Lin Zhang");
        Article article = content.article("China Explores Metaverse with Tech Giants")
                .dek("A ministry working group will draft national standards.")
                .body("The ministry said this week it had formed a working group.\n\n## Who takes part\n\n"
                        + "Platform, gaming and hardware companies.")
                .in(metaverse).tagged(china).by(mei).featured()
                .hero("/img/favicon.svg", "The Newsroom logo")
                .published();
        content.article("An earlier story").in(metaverse).tagged(china)
                .publishedAt(content.now().minus(Duration.ofHours(3)));
        Comment comment = content.comment(article, null, "Ada Reader", "Clear and useful reporting.",
                CommentStatus.APPROVED);

        browser.get(site.baseUrl() + "/");
        assertThat(browser.getTitle()).startsWith("Newsroom");
        Browser.click(browser, By.linkText("China Explores Metaverse with Tech Giants"));

        assertThat(browser.getCurrentUrl()).endsWith("/articles/china-explores-metaverse-with-tech-giants");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(article.getTitle());
        assertThat(browser.findElement(By.cssSelector(".article-header .dek")).getText())
                .isEqualTo("A ministry working group will draft national standards.");
        assertThat(browser.findElement(By.cssSelector(".byline")).getText()).isEqualTo("By Mei-Lin Zhang");
        assertThat(browser.findElement(By.cssSelector(".article-body h2")).getText()).isEqualTo("Who takes part");
        WebElement hero = browser.findElement(By.cssSelector(".hero img"));
        assertThat(hero.getAttribute("alt")).isEqualTo("The Newsroom logo");
        assertThat(hero.getAttribute("naturalWidth")).isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector(".related")).getText()).contains("An earlier story");
        assertThat(browser.findElement(By.id("comment-" + comment.getId())).getText())
                .contains("Ada Reader", "Clear and useful reporting.");

        Browser.click(browser, By.linkText("Mei-Lin Zhang"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mei-Lin Zhang");
        assertThat(browser.findElements(By.cssSelector(".card-title"))).hasSize(1);
    }

    @Test
    void aRefusedCommentComesBackAtTheFormAndALongPasteIsCountedNotCut(WebDriver browser) {
        content.article("A long discussion").body("Paragraph.\n\n".repeat(300)).published();
        browser.get(site.baseUrl() + "/articles/a-long-discussion");
        WebElement body = browser.findElement(By.id("comment-body"));
        String pasted = "z".repeat(6000);
        // As a paste: the whole text at once, which a maxlength would have cut to 5,000 without a word.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", body, pasted);
        assertThat(browser.findElement(By.id("comment-body-count")).getText())
                .isEqualTo("6,000 of 5,000 characters: 1,000 too many. Shorten it before sending.");
        browser.findElement(By.id("comment-email")).sendKeys("ada@example.com");
        Browser.click(browser, By.cssSelector("form.comment-form button[type=submit]"));

        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("/comments#respond"));
        WebElement error = browser.findElement(By.id("comment-name-error"));
        assertThat(error.getText()).isEqualTo("Please enter your name.");
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                browser.findElement(By.cssSelector("#respond .notice-error")))).as("the messages are in view").isTrue();
        assertThat(browser.findElement(By.id("comment-body-error")).getText()).contains("yours has 6,000");
        assertThat(browser.findElement(By.id("comment-body")).getAttribute("value")).hasSize(6000);
    }
}
