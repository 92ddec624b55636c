package com.newsroom.moderation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.Browser;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Role;
import com.newsroom.comment.Comment;
import com.newsroom.comment.Comments;
import com.newsroom.testsupport.BrowserExtension;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** A reader comments, a moderator approves it, and the reader sees it under the article: in real browsers. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class CommentModerationBrowserTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    StaffLogins staff;

    @Autowired
    Comments comments;

    WebDriver reader;

    WebDriver moderator;

    @BeforeEach
    void twoBrowsers(WebDriver reader, WebDriver moderator) {
        content.reset();
        this.reader = reader;
        this.moderator = moderator;
    }

    @Test
    void readerCommentIsApprovedByAModeratorAndThenShownUnderTheArticle() {
        content.article("Ministry sets up metaverse working group").published();
        staff.create("Mo Derator", Role.MODERATOR);
        String article = site.baseUrl() + "/articles/ministry-sets-up-metaverse-working-group";

        reader.get(article);
        assertThat(reader.findElement(By.cssSelector(".form-note")).getText())
                .isEqualTo("Your email address will not be published. Required fields are marked *");
        reader.findElement(By.id("comment-body")).sendKeys("Which companies are in the group?");
        reader.findElement(By.id("comment-name")).sendKeys("Ada Reader");
        reader.findElement(By.id("comment-email")).sendKeys("ada@example.com");
        content.clock().advance(Duration.ofSeconds(30));
        Browser.click(reader, By.cssSelector("form.comment-form button[type=submit]"));

        assertThat(reader.findElement(By.cssSelector(".notice-success")).getText()).contains("awaiting moderation");
        Comment comment = comments.findAll().get(0);
        assertThat(reader.findElement(By.id("comment-" + comment.getId())).getText())
                .contains("Which companies are in the group?", "awaiting moderation");
        assertThat(reader.findElement(By.id("comment-body")).getAttribute("value")).isEmpty();

        // Signing in returns to the queue it was asked for; signIn waits for that page before going on.
        signIn(moderator, "/admin/comments");
        assertThat(moderator.findElement(By.cssSelector(".signed-in-as")).getText()).isNotBlank();
        var row = moderator.findElement(By.id("queue-" + comment.getId()));
        assertThat(row.getText()).contains("Ada Reader", "Which companies are in the group?",
                "First comment from this email address.");
        row.findElement(By.cssSelector("button[value=APPROVE]")).click();
        assertThat(moderator.findElement(By.cssSelector(".decided")).getText()).contains("Approved the comment by Ada Reader.");

        reader.get(article);
        var shown = reader.findElement(By.id("comment-" + comment.getId()));
        assertThat(shown.getText()).contains("Ada Reader", "Which companies are in the group?")
                .doesNotContain("awaiting moderation");
        assertThat(reader.findElement(By.id("comments-title")).getText()).isEqualTo("1 comment");
        assertThat(reader.getPageSource()).doesNotContain("ada@example.com");
    }

    @Test
    void aModeratorWorksTheQueueWithTheKeyboardAloneOnAPhoneSizedScreen() {
        var article = content.article("Keyboard story").published();
        Comment first = content.comment(article, null, "Ada Reader", "Oldest comment", com.newsroom.comment.CommentStatus.PENDING);
        content.clock().advance(Duration.ofSeconds(1));
        Comment second = content.comment(article, null, "Bo Reader", "Middle comment", com.newsroom.comment.CommentStatus.PENDING);
        content.clock().advance(Duration.ofSeconds(1));
        Comment third = content.comment(article, null, "Cy Spammer", "Newest comment", com.newsroom.comment.CommentStatus.PENDING);
        staff.create("Mo Derator", Role.MODERATOR);
        moderator.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        signIn(moderator, "/admin/comments");

        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) moderator)
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(390);
        var keys = new org.openqa.selenium.interactions.Actions(moderator);
        keys.sendKeys("j").perform();
        assertThat(moderator.switchTo().activeElement().getAttribute("id")).isEqualTo("queue-" + third.getId());
        keys.sendKeys("s").perform();

        // Back at the next comment, with the decision named and an undo.
        new org.openqa.selenium.support.ui.WebDriverWait(moderator, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("#queue-" + second.getId()));
        assertThat(moderator.findElement(By.cssSelector(".decided")).getText())
                .contains("Marked the comment by Cy Spammer as spam.");
        assertThat(moderator.switchTo().activeElement().getAttribute("id")).isEqualTo("queue-" + second.getId());
        assertThat(comments.findById(third.getId()).orElseThrow().getStatus())
                .isEqualTo(com.newsroom.comment.CommentStatus.SPAM);
        keys.sendKeys("a").perform();
        new org.openqa.selenium.support.ui.WebDriverWait(moderator, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith("#queue-" + first.getId()));
        assertThat(comments.findById(second.getId()).orElseThrow().getStatus())
                .isEqualTo(com.newsroom.comment.CommentStatus.APPROVED);

        // Select all, then a bulk action chosen on purpose.
        moderator.findElement(By.id("select-all")).click();
        assertThat(moderator.findElements(By.cssSelector("input[name=ids]:checked"))).hasSize(1);
        new org.openqa.selenium.support.ui.Select(moderator.findElement(By.id("bulk-action"))).selectByValue("REJECT");
        Browser.click(moderator, By.cssSelector(".bulk-actions button[type=submit]"));
        assertThat(moderator.findElement(By.cssSelector(".decided")).getText())
                .contains("Rejected the comment by Ada Reader.");
        Browser.click(moderator, By.cssSelector(".decided form.undo button"));
        assertThat(moderator.findElement(By.cssSelector(".flash")).getText()).startsWith("Undone");
        assertThat(comments.findById(first.getId()).orElseThrow().getStatus())
                .isEqualTo(com.newsroom.comment.CommentStatus.PENDING);
    }

    private void signIn(WebDriver browser, String path) {
        browser.get(site.baseUrl() + path);
        Browser.submitSignIn(browser, "mo.derator");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().contains(path));
    }
}
