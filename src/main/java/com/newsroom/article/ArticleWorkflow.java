package com.newsroom.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;

/**
 * The editorial conversation around an article: an editor returns a draft in review to its author with a note,
 * and keeps notes on the article. Notes are kept with the article's history (table article_notes), shown to its
 * author and its editors, never to readers.
 */
@Service
@Transactional
public class ArticleWorkflow {

    static final int MAX_NOTE = 4000;

    /** A note on an article: a plain one, or the one sent with a return to the author. */
    public record Note(long id, String kind, String body, Instant at, String by) {

        public boolean returned() {
            return "RETURNED".equals(kind);
        }
    }

    private final Articles articles;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final Clock clock;

    ArticleWorkflow(Articles articles, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends a draft in review back to its author with {@code note} (required: the author needs to know why). */
    public void returnToAuthor(long articleId, String note, Editor editor) {
        requireEditor(editor);
        String text = required(note);
        Article article = articles.findById(articleId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        article.returnToAuthor(text, editor, now);
        articles.save(article);
        insert(articleId, "RETURNED", text, editor, now);
    }

    /** An editor's note kept with the article: what was agreed, what to check before it goes out. */
    public void addNote(long articleId, String note, Editor editor) {
        requireEditor(editor);
        String text = required(note);
        Article article = articles.findById(articleId).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        insert(articleId, "NOTE", text, editor, now);
        audit.record(new AuditLog.Actor(editor.staffIdOrNull(), editor.name()), "article.noted", article.getTitle(),
                "/admin/articles/" + articleId + "/edit", text);
    }

    /** What the review page shows: the article's state and its notes, newest first. */
    public record Review(long id, String title, ArticleStatus status, boolean inReview, Instant returnedAt,
            List<Note> notes) {
    }

    /** Editors see every article's notes; authors those of their own pieces, in any state. */
    @Transactional(readOnly = true)
    public Review review(long articleId, Editor editor) {
        Article article = articles.findById(articleId).orElseThrow(NotFoundException::new);
        boolean own = (article.getCreatedBy() != null && article.getCreatedBy() == editor.staffId())
                || article.getAuthors().stream().anyMatch(a -> a.getId() == editor.staffId());
        if (!editor.isEditor() && !own) {
            throw new AccessDeniedException("not your article");
        }
        return new Review(article.getId(), article.getTitle(), article.getStatus(),
                article.getReviewRequestedAt() != null, article.getReturnedAt(), notes(articleId));
    }

    private List<Note> notes(long articleId) {
        return jdbc.sql("""
                select id, kind, body, written_at, written_by_name from article_notes
                where article_id = :id order by id desc""")
                .param("id", articleId)
                .query((rs, row) -> new Note(rs.getLong("id"), rs.getString("kind"), rs.getString("body"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("written_by_name")))
                .list();
    }

    void insert(long articleId, String kind, String text, Editor editor, Instant at) {
        jdbc.sql("""
                insert into article_notes (article_id, kind, body, written_at, written_by, written_by_name)
                values (:article, :kind, :body, :at, :by, :name)""")
                .param("article", articleId).param("kind", kind).param("body", text)
                .param("at", Timestamp.from(at)).param("by", editor.staffIdOrNull()).param("name", editor.name())
                .update();
    }

    static String required(String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("note", "admin.article.noteRequired");
        }
        if (text.length() > MAX_NOTE) {
            throw new RuleViolation("note", "admin.article.noteTooLong");
        }
        return text;
    }

    private static void requireEditor(Editor editor) {
        if (!editor.isEditor()) {
            throw new AccessDeniedException("editors only");
        }
    }
}
