package com.newsroom.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleContent;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleWorkflow;
import com.newsroom.audit.AuditLog;
import com.newsroom.author.Author;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.article.Editor;
import com.newsroom.moderation.ModerationAction;
import com.newsroom.moderation.ModerationService;

/**
 * Work waiting for each demo account, made the way the newsroom makes it (the article editor, the workflow, the
 * moderation service): an author's draft, a piece in review with an editor's note, one returned to its author,
 * a scheduled piece, a correction, and held, spam and rejected comments with the reasons they were held.
 */
final class DemoWorkflow {

    private final ArticleEditor articles;

    private final ArticleWorkflow workflow;

    private final ModerationService moderation;

    private final Comments comments;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoWorkflow(ArticleEditor articles, ArticleWorkflow workflow, ModerationService moderation, Comments comments,
            JdbcClient jdbc, Clock clock) {
        this.articles = articles;
        this.workflow = workflow;
        this.moderation = moderation;
        this.comments = comments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void load(Map<String, Author> staff, long categoryId, Map<String, Article> published) {
        Editor mei = editor(staff.get("mei-lin-zhang"), true);
        Editor lukas = editor(staff.get("lukas-brenner"), true);
        Editor daniel = editor(staff.get("daniel-reyes"), false);
        Editor amara = editor(staff.get("amara-okonkwo"), false);
        Editor sofia = editor(staff.get("sofia-lindqvist"), false);

        draft("Inside the Race to Cool AI Data Centres", daniel, categoryId,
                "Operators are trying liquid cooling, heat reuse and new sites. Notes from three visits so far.");

        Article inReview = draft("Stablecoin Rules: What Changes for Payment Apps", amara, categoryId,
                "From January, payment apps that hold stablecoins must publish monthly reserve reports.");
        articles.submitForReview(inReview.getId(), amara);
        workflow.addNote(inReview.getId(), "Legal has read the second section; the reserve figures still need a "
                + "source before this goes out.", mei);

        Article returned = draft("Five Headsets, One Week of Office Work", sofia, categoryId,
                "I wore a different mixed-reality headset every day for a week of meetings and spreadsheets.");
        articles.submitForReview(returned.getId(), sofia);
        workflow.returnToAuthor(returned.getId(), "Good idea, but each headset needs its price and battery life, "
                + "and the conclusion should say which one you would buy.", lukas);

        Article scheduled = draft("EU Publishes Guidance on General-Purpose AI Models", lukas, categoryId,
                "The guidance explains how providers can show compliance before the rules apply.");
        articles.schedule(scheduled.getId(), clock.instant().plus(Duration.ofDays(1)), lukas);

        published.values().stream().findFirst().ifPresent(article -> articles.addCorrection(article.getId(),
                "An earlier version of this article misstated the number of companies in the working group.", mei));

        heldComments(published, staff.get("priya-raman"));
    }

    /** Comments the moderator finds waiting: held with their reasons, a reply to a held one, spam, a rejection. */
    private void heldComments(Map<String, Article> published, Author moderator) {
        List<Article> articles = published.values().stream().limit(3).toList();
        Instant now = clock.instant();
        Comment question = comment(articles.get(0), null, "Tomás Ferreira", "tomas@example.com",
                "Do you have a link to the working group's charter? I couldn't find it on the ministry's site.",
                now.minus(Duration.ofHours(3)), CommentStatus.PENDING, 0,
                Map.of("NEW_COMMENTER", "First comment from this email address."));
        comment(articles.get(0), question.getId(), "Ines Duarte", "ines@example.com",
                "Seconding this: the charter would say who votes on the standards.",
                now.minus(Duration.ofHours(2)), CommentStatus.PENDING, 0,
                Map.of("NEW_COMMENTER", "First comment from this email address."));
        comment(articles.get(1), null, "Greg", "greg@example.net",
                "Read https://a.example/1 and https://b.example/2 and https://c.example/3 for the real story.",
                now.minus(Duration.ofHours(1)), CommentStatus.PENDING, 30,
                Map.of("LINKS", "Contains 3 links (more than 2).", "NEW_COMMENTER", "First comment from this email address."));
        comment(articles.get(1), null, "Best Casino Bonus", "bonus@spam.example",
                "Cheap pills and casino bonus at https://spam.example/win",
                now.minus(Duration.ofMinutes(40)), CommentStatus.SPAM, 150,
                Map.of("BLOCKED_WORD", "Contains the blocked word “casino”.",
                        "BLOCKED_HOST", "Links to the blocked site spam.example.",
                        "TOO_FAST", "Sent 0.4 s after the form was served (people take at least 3 s)."));
        Comment offTopic = comment(articles.get(2), null, "Anon", "anon@example.com",
                "Nobody reads this site anyway.", now.minus(Duration.ofHours(5)), CommentStatus.PENDING, 0,
                Map.of("NEW_COMMENTER", "First comment from this email address."));
        moderation.apply(ModerationAction.REJECT, List.of(offTopic.getId()),
                new AuditLog.Actor(moderator.getId(), moderator.getDisplayName()));
    }

    private Comment comment(Article article, Long parentId, String name, String email, String body, Instant at,
            CommentStatus status, int score, Map<String, String> reasons) {
        Comment comment = comments.save(new Comment(article.getId(), parentId, name, email, null, body, at));
        jdbc.sql("update comments set status = :status, spam_score = :score where id = :id")
                .param("status", status.name()).param("score", score).param("id", comment.getId()).update();
        reasons.forEach((rule, detail) -> jdbc.sql("""
                insert into comment_signals (comment_id, rule, detail, score) values (:id, :rule, :detail, :score)""")
                .param("id", comment.getId()).param("rule", rule).param("detail", detail)
                .param("score", rule.equals("NEW_COMMENTER") ? 0 : score / reasons.size()).update());
        jdbc.sql("""
                insert into comment_decisions (comment_id, actor, from_status, to_status, note, decided_at)
                values (:id, 'System', null, :status, :note, :at)""")
                .param("id", comment.getId()).param("status", status.name())
                .param("note", "Spam score " + score + " (spam at 80)").param("at", Timestamp.from(at)).update();
        return comment;
    }

    private Article draft(String title, Editor by, long categoryId, String body) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return articles.createDraft(new ArticleContent(title, slug, "", body, "", null, null, null, categoryId,
                List.of(), List.of(by.staffId()), false, true), by);
    }

    private static Editor editor(Author author, boolean isEditor) {
        return new Editor(author.getId(), author.getDisplayName(), isEditor);
    }
}
