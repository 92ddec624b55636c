package com.newsroom.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reader's comment, stored as the plain text they typed. */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long articleId;

    private Long parentId;

    private String authorName;

    private String authorEmail;

    private String authorWebsite;

    private String body;

    @Enumerated(EnumType.STRING)
    private CommentStatus status = CommentStatus.PENDING;

    private Instant createdAt;

    protected Comment() {
    }

    public Comment(long articleId, Long parentId, String authorName, String authorEmail, String authorWebsite,
            String body, Instant createdAt) {
        this.articleId = articleId;
        this.parentId = parentId;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.authorWebsite = authorWebsite;
        this.body = body;
        this.createdAt = createdAt;
    }

    public void approve() {
        this.status = CommentStatus.APPROVED;
    }

    public Long getId() {
        return id;
    }

    public Long getArticleId() {
        return articleId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public String getAuthorWebsite() {
        return authorWebsite;
    }

    public String getBody() {
        return body;
    }

    public CommentStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
