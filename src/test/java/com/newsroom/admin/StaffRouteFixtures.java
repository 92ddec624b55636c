package com.newsroom.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.account.Account;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.ArticleUpdates;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.article.LiveCoverage;
import com.newsroom.article.Editor;
import com.newsroom.comment.CommentStatus;
import com.newsroom.media.MediaLibrary;
import com.newsroom.testsupport.TestContent;

/** Fresh things for one request along a {@link StaffRoutes} route to act on, named as the routes name them. */
@TestComponent
public class StaffRouteFixtures {

    /** A 1×1 PNG. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestContent content;

    private final ArticleEditor articles;

    private final MediaLibrary media;

    private final JdbcClient jdbc;

    private final ArticleEditor publishing;

    private final LiveCoverage live;

    private final ArticleUpdates updates;

    public StaffRouteFixtures(TestContent content, ArticleEditor articles, MediaLibrary media, JdbcClient jdbc,
            ArticleEditor publishing, LiveCoverage live, ArticleUpdates updates) {
        this.live = live;
        this.updates = updates;
        this.content = content;
        this.publishing = publishing;
        this.articles = articles;
        this.media = media;
        this.jdbc = jdbc;
    }

    /**
     * Makes what the route names: articles (a draft and a published one) written by {@code owner}, another
     * account ({@code target}) to manage, a category, tags, an image and a held comment.
     */
    public Map<String, String> forRoute(StaffRoutes.Route route, Account owner, Account target) {
        int n = SEQUENCE.incrementAndGet();
        String text = route.path() + " " + route.fields().values();
        Map<String, String> values = new LinkedHashMap<>();
        boolean articles = text.contains("{article}") || text.contains("{revision}") || text.contains("{version}")
                || text.contains("{published}") || text.contains("{trashed}") || text.contains("{inReview}")
                || text.contains("{staged}");
        long categoryId = articles || text.contains("{category}") ? content.category("Fixture category " + n).getId()
                : 0;
        values.put("{category}", String.valueOf(categoryId));
        if (text.contains("{article}") || text.contains("{revision}") || text.contains("{version}")) {
            long article = draft(owner, categoryId, "Fixture " + n);
            values.put("{article}", String.valueOf(article));
            values.put("{revision}", String.valueOf(jdbc.sql(
                    "select max(id) from article_revisions where article_id = :id").param("id", article)
                    .query(Long.class).single()));
            values.put("{version}", String.valueOf(jdbc.sql("select version from articles where id = :id")
                    .param("id", article).query(Long.class).single()));
        }
        if (text.contains("{inReview}")) {
            long inReview = draft(owner, categoryId, "In review fixture " + n);
            this.articles.submitForReview(inReview, new Editor(owner.getStaffId(), "Author", false));
            values.put("{inReview}", String.valueOf(inReview));
        }
        if (text.contains("{published}")) {
            long published = draft(owner, categoryId, "Published fixture " + n);
            publishing.publish(published, content.now(), Editor.SYSTEM);
            values.put("{published}", String.valueOf(published));
        }
        if (text.contains("{liveArticle}")) {
            var article = content.article("Live fixture " + n).published();
            live.start(article.getId(), Editor.SYSTEM);
            values.put("{liveArticle}", String.valueOf(article.getId()));
            values.put("{liveUpdate}", String.valueOf(live.post(article.getId(), "An update.", Editor.SYSTEM)));
        }
        if (text.contains("{staged}")) {
            long staged = draft(owner, categoryId, "Staged fixture " + n);
            publishing.publish(staged, content.now(), Editor.SYSTEM);
            Editor by = new Editor(owner.getStaffId(), "Author", false);
            long version = jdbc.sql("select version from articles where id = :id").param("id", staged)
                    .query(Long.class).single();
            updates.save(staged, null, version, new ArticleInput("Staged fixture " + n + ", updated", "", "",
                    "Updated body.", "", null, null, null, categoryId, List.of(), List.of(owner.getStaffId()), false,
                    true), by);
            updates.submitForReview(staged, by);
            values.put("{staged}", String.valueOf(staged));
        }
        if (text.contains("{trashed}")) {
            long trashed = draft(owner, categoryId, "Trashed fixture " + n);
            publishing.moveToTrash(trashed, Editor.SYSTEM);
            values.put("{trashed}", String.valueOf(trashed));
        }
        if (text.contains("{tag")) {
            values.put("{tag2}", String.valueOf(content.tag("Other fixture tag " + n).getId()));
            values.put("{tag}", String.valueOf(content.tag("Fixture tag " + n).getId()));
        }
        if (text.contains("{media}")) {
            values.put("{media}", String.valueOf(media.upload(PNG, "pixel.png", "A pixel", null)));
        }
        if (text.contains("{comment}")) {
            var article = content.article("Commented fixture " + n).published();
            values.put("{comment}", String.valueOf(
                    // A commenter of their own per fixture, so blocking one never finds them blocked already.
                    content.comment(article, null, "Ada Reader " + n, "Is there a source?", CommentStatus.PENDING)
                            .getId()));
        }
        values.put("{account}", String.valueOf(target.getId()));
        values.put("{n}", String.valueOf(n));
        return values;
    }

    private long draft(Account owner, long categoryId, String title) {
        return articles.create(new ArticleInput(title, "", "", "Body of " + title, "", null, null, null, categoryId,
                List.of(), List.of(), false, true), new Editor(owner.getStaffId(), "Author", false));
    }
}
