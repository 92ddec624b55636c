package com.newsroom.demo;

import java.util.Map;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleInput;
import com.newsroom.article.ArticleUpdates;
import com.newsroom.article.EditableArticle;
import com.newsroom.article.Editor;
import com.newsroom.author.Author;

/**
 * A published story with a staged update waiting, made as an editor makes one (the editor form's "Save as pending
 * update"): readers see the published text, the editors see the update in the article list, on the dashboard and
 * in its preview, ready to be published with a correction note.
 */
final class DemoStagedUpdate {

    private static final String STORY = "exchange-halts-withdrawals-after-security-breach";

    private final ArticleEditor editor;

    private final ArticleUpdates updates;

    DemoStagedUpdate(ArticleEditor editor, ArticleUpdates updates) {
        this.editor = editor;
        this.updates = updates;
    }

    void load(Map<String, Author> staff, Map<String, Article> published) {
        Article story = published.get(STORY);
        if (story == null) {
            return;
        }
        Author mei = staff.get("mei-lin-zhang");
        Editor by = new Editor(mei.getId(), mei.getDisplayName(), true);
        EditableArticle live = editor.load(story.getId(), by);
        ArticleInput c = live.content();
        ArticleInput update = new ArticleInput("Exchange Resumes Withdrawals After Security Breach", c.slug(),
                "The exchange reopened withdrawals after an audit of its wallets and says every customer loss has been "
                        + "covered from its own reserves.",
                "**Update:** Withdrawals reopened on Thursday morning after an outside firm finished auditing the "
                        + "exchange's wallets.\n\n" + c.bodyMarkdown(),
                c.excerpt(), c.heroImageUrl(), c.heroImageAlt(), c.heroImageCaption(), c.categoryId(), c.tagNames(),
                c.authorIds(), c.featured(), c.commentsOpen());
        updates.save(story.getId(), null, live.version(), update, by);
    }
}
