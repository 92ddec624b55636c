package com.newsroom.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in a comment's history: who moved it from which status to which, and when. */
@Entity
@Table(name = "comment_decisions")
public class CommentDecision {

    /** The actor recorded for what the spam rules decide on submission. */
    public static final String SYSTEM = "Spam rules";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long commentId;

    private String actor;

    @Enumerated(EnumType.STRING)
    private CommentStatus fromStatus;

    /** A status name, or DELETED / EDITED for decisions that are not a status change. */
    private String toStatus;

    private String note;

    private Instant decidedAt;

    protected CommentDecision() {
    }

    public CommentDecision(Long commentId, String actor, CommentStatus fromStatus, String toStatus, String note,
            Instant decidedAt) {
        this.commentId = commentId;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note == null ? "" : note;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getActor() {
        return actor;
    }

    public CommentStatus getFromStatus() {
        return fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
