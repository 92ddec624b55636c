package com.newsroom.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The text a comment had before a moderator edited it. */
@Entity
@Table(name = "comment_revisions")
public class CommentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long commentId;

    private String body;

    private String editedBy;

    private Instant editedAt;

    protected CommentRevision() {
    }

    public CommentRevision(long commentId, String body, String editedBy, Instant editedAt) {
        this.commentId = commentId;
        this.body = body;
        this.editedBy = editedBy;
        this.editedAt = editedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getBody() {
        return body;
    }

    public String getEditedBy() {
        return editedBy;
    }

    public Instant getEditedAt() {
        return editedAt;
    }
}
