package com.newsroom.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.secrets.SiteSecrets;
import com.newsroom.site.SiteSettingsProvider;

/** Takes a reader's comment in: the rules that need settings or data, rate limits, spam screening. */
@Service
public class CommentSubmissions {

    private final Comments comments;

    private final CommentDecisions decisions;

    private final SpamChecks spamChecks;

    private final RateLimiter rateLimiter;

    private final SiteSecrets secrets;

    private final JdbcClient jdbc;

    private final NewsroomProperties.Comments settings;

    private final Clock clock;

    private final SiteSettingsProvider siteSettings;

    /** Read once: whether the site has a mail server is settled at start-up, and every article view asks. */
    private final boolean offersRepliesByEmail;

    private final TransactionTemplate transaction;

    CommentSubmissions(Comments comments, CommentDecisions decisions, SpamChecks spamChecks, RateLimiter rateLimiter,
            SiteSecrets secrets, JdbcClient jdbc, NewsroomProperties properties, Clock clock,
            SiteSettingsProvider siteSettings, ObjectProvider<JavaMailSender> mailServer,
            TransactionTemplate transaction) {
        this.transaction = transaction;
        this.siteSettings = siteSettings;
        this.offersRepliesByEmail = mailServer.getIfAvailable() != null;
        this.comments = comments;
        this.decisions = decisions;
        this.spamChecks = spamChecks;
        this.rateLimiter = rateLimiter;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.settings = properties.comments();
        this.clock = clock;
    }

    /**
     * Whether readers may comment now: comments are on for the site (settings) and the article, and the
     * article is not past the closing age.
     */
    public boolean isOpen(CommentTarget target) {
        var policy = siteSettings.commentPolicy();
        if (!policy.enabled() || !target.commentsOpen()) {
            return false;
        }
        if (policy.closeAfterDays() == 0 || target.publishedAt() == null) {
            return true;
        }
        return clock.instant().isBefore(target.publishedAt().plus(Duration.ofDays(policy.closeAfterDays())));
    }

    /** The comment policy administrators wrote for readers, shown above the form (may be empty). */
    public String policyText() {
        return siteSettings.commentPolicy().policyText();
    }

    /** Whether a "Reply" link belongs under a comment at this depth (0 = top level). */
    public boolean allowsRepliesAt(int depth) {
        return depth + 1 < settings.maxDepth();
    }

    /** Whether readers are offered replies by email: only when the site has a mail server (spring.mail.host). */
    public boolean offersRepliesByEmail() {
        return offersRepliesByEmail;
    }

    public int maxLength() {
        return settings.maxLength();
    }

    /** The checks that depend on settings or stored comments; errors are added next to the fields. */
    @Transactional(readOnly = true)
    public void validate(CommentTarget target, CommentForm form, Errors errors) {
        if (form.body() != null && form.body().strip().length() > settings.maxLength()) {
            errors.rejectValue("body", "comment.body.size",
                    new Object[] { settings.maxLength(), form.body().strip().length() },
                    "Comments can be at most " + settings.maxLength() + " characters.");
        }
        if (form.parentId() != null) {
            Integer level = jdbc.sql("""
                    with recursive chain as (
                        select id, parent_id, 1 as level from comments
                        where id = :id and article_id = :article and status = 'APPROVED'
                        union all
                        select c.id, c.parent_id, chain.level + 1 from comments c join chain on c.id = chain.parent_id
                    )
                    select max(level) from chain""")
                    .param("id", form.parentId())
                    .param("article", target.articleId())
                    .query((rs, row) -> (Integer) rs.getObject(1))
                    .single();
            if (level == null || level >= settings.maxDepth()) {
                errors.rejectValue("parentId", "comment.parent.invalid", "That comment can no longer be replied to.");
            }
        }
    }

    /**
     * Saves a valid comment, screened and rate limited. The caller checked {@link #validate} first.
     * <p>
     * The rate limit is counted before the comment's own transaction begins, both counters in one short transaction
     * of their own (so a refused or failed post still counts, and no row lock is held while the comment is saved).
     * Counting inside the comment's transaction would make every post hold one pooled connection while it waits for
     * a second: a burst of as many posts as the pool has connections would then wait on each other until the pool
     * gives up, and every one of them would fail.
     */
    public SubmissionResult submit(CommentTarget target, CommentForm form, String clientAddress) {
        if (!isOpen(target)) {
            return new SubmissionResult.Closed();
        }
        if (form.token() == null || form.token().isBlank()) {
            return new SubmissionResult.Unconfirmed();
        }
        String ipHash = secrets.keyedHash("ip-hash", clientAddress == null ? "" : clientAddress);
        String emailHash = secrets.keyedHash("ip-hash", form.email().strip().toLowerCase(Locale.ROOT));
        // Both counters are always counted, so alternating addresses or emails does not slip through.
        boolean allowed = rateLimiter.tryAcquire(settings.rateWindow(), List.of(
                new RateLimiter.Limit("comment-ip:" + ipHash, settings.ratePerIp()),
                new RateLimiter.Limit("comment-email:" + emailHash, settings.ratePerEmail())));
        if (!allowed) {
            return new SubmissionResult.RateLimited();
        }
        return transaction.execute(status -> save(target, form, ipHash));
    }

    private SubmissionResult save(CommentTarget target, CommentForm form, String ipHash) {
        Instant now = clock.instant();
        List<SpamSignal> signals = spamChecks.check(target.articleId(), form, ipHash, now);
        CommentStatus status = decide(signals);
        Comment comment = new Comment(target.articleId(), form.parentId(), form.name().strip(),
                form.email().strip(), form.trimmedWebsite(), form.body().strip(), now);
        comment.screen(signals, ipHash, status);
        if (form.notifyReplies() && offersRepliesByEmail()) {
            comment.requestReplies(form.email().strip());
        }
        comments.save(comment);
        int score = comment.getSpamScore();
        decisions.save(new CommentDecision(comment.getId(), CommentDecision.SYSTEM, null, status.name(),
                "Spam score " + score + " (spam at " + settings.spamThreshold() + ")", now));
        return new SubmissionResult.Accepted(comment.getId(), status);
    }

    private CommentStatus decide(List<SpamSignal> signals) {
        int score = SpamSignal.total(signals);
        if (score >= settings.spamThreshold()) {
            return CommentStatus.SPAM;
        }
        boolean known = signals.stream().anyMatch(s -> s.rule() == SpamRule.KNOWN_COMMENTER);
        // Settings decide: hold everything (premoderated), or let commenters with approved comments through.
        if (!siteSettings.commentPolicy().premoderated() && known && score == 0) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }
}
