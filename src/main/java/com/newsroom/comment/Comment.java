package com.newsroom.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/** A reader's comment, stored as the plain text they typed. */
@Entity
@Table(name = "comments")
public class Comment {

    /** What replaces a commenter's details once the retention period of a spam or rejected comment ends. */
    static final String PURGED_NAME = "[removed]";

    static final String PURGED_EMAIL = "removed@invalid.invalid";

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

    /** Keyed hash of the sender's IP address: enough to count and match, useless to identify. */
    private String ipHash;

    private int spamScore;

    /** Set on replies written by staff from the moderation queue. */
    private Long staffId;

    private Instant editedAt;

    private Instant purgedAt;

    @ElementCollection
    @CollectionTable(name = "comment_signals", joinColumns = @JoinColumn(name = "comment_id"))
    private List<Signal> signals = new ArrayList<>();

    /** Set when the comment becomes public; turned into an event once saved (when its id is known). */
    @Transient
    private boolean becamePublic;

    /** The address that asked to be told of replies, until the save that announces it. */
    @Transient
    private String repliesRequestedBy;

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
        moveTo(CommentStatus.APPROVED);
    }

    void screen(List<SpamSignal> found, String ipHash, CommentStatus decided) {
        this.ipHash = ipHash;
        this.signals.clear();
        found.forEach(s -> signals.add(new Signal(s.rule().name(), s.detail(), s.score())));
        this.spamScore = SpamSignal.total(found);
        moveTo(decided);
    }

    /** The reader wants to hear of replies; ignored for spam, so a spammer cannot mail a stranger. */
    void requestReplies(String email) {
        if (status != CommentStatus.SPAM) {
            this.repliesRequestedBy = email;
        }
    }

    public void writtenByStaff(long staffMemberId) {
        this.staffId = staffMemberId;
    }

    public void moveTo(CommentStatus newStatus) {
        if (newStatus == CommentStatus.APPROVED && status != CommentStatus.APPROVED) {
            becamePublic = true;
        }
        this.status = newStatus;
    }

    /**
     * Events for what this change means to others, built when the repository saves the comment (a new comment
     * has its id only then). A comment moved by dirty checking alone announces nothing: save it.
     */
    @DomainEvents
    Collection<Object> domainEvents() {
        List<Object> events = new ArrayList<>();
        if (becamePublic && status == CommentStatus.APPROVED) {
            events.add(new CommentPublished(id, articleId, parentId, authorName, authorEmail, body));
        }
        if (repliesRequestedBy != null) {
            events.add(new RepliesRequested(id, repliesRequestedBy));
        }
        return events;
    }

    @AfterDomainEventPublication
    void domainEventsPublished() {
        becamePublic = false;
        repliesRequestedBy = null;
    }

    public void edit(String newBody, Instant at) {
        this.body = newBody;
        this.editedAt = at;
    }

    void purgePersonalData(Instant at) {
        this.authorName = PURGED_NAME;
        this.authorEmail = PURGED_EMAIL;
        this.authorWebsite = null;
        this.ipHash = null;
        this.purgedAt = at;
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

    public String getIpHash() {
        return ipHash;
    }

    public int getSpamScore() {
        return spamScore;
    }

    public Long getStaffId() {
        return staffId;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public Instant getPurgedAt() {
        return purgedAt;
    }

    public List<Signal> getSignals() {
        return signals;
    }

    /** A stored spam signal. */
    @Embeddable
    public static class Signal {

        private String rule;

        private String detail;

        @Column(name = "score")
        private int score;

        protected Signal() {
        }

        Signal(String rule, String detail, int score) {
            this.rule = rule;
            this.detail = detail;
            this.score = score;
        }

        public String getRule() {
            return rule;
        }

        public String getDetail() {
            return detail;
        }

        public int getScore() {
            return score;
        }
    }
}
