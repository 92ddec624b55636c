package com.newsroom.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;
import com.newsroom.secrets.SiteSecrets;

/**
 * The comment form's token: when the form was served, for which article, and a random nonce, signed. Each
 * reader who writes gets their own (on a kept page, the page's script fetches it, see CommentFormSlot), it is good for
 * {@code newsroom.comments.form-token-max-age}, and for one comment: its nonce is recorded in PostgreSQL when
 * used, so every instance refuses a second use. Readers need no session and no JavaScript for any of it.
 */
@Component
public class FormTokens {

    /** What a token sent back with a comment says. */
    sealed interface Check {
    }

    /** Absent, malformed or not signed by us (or for another article). */
    record Invalid() implements Check {
    }

    record Expired(Duration age) implements Check {
    }

    record AlreadyUsed() implements Check {
    }

    /** Good, and now used up; {@code age} tells how long the reader took to write. */
    record Fresh(Duration age) implements Check {
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\.([A-Za-z0-9_-]{22})\\.([0-9a-f]{64})");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteSecrets secrets;

    private final JdbcClient jdbc;

    private final Duration maxAge;

    private final Clock clock;

    FormTokens(SiteSecrets secrets, JdbcClient jdbc, NewsroomProperties properties, Clock clock) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.maxAge = properties.comments().formTokenMaxAge();
        this.clock = clock;
    }

    public String issue(long articleId) {
        long issued = clock.millis();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return issued + "." + encoded + "." + sign(articleId, issued, encoded);
    }

    /** Checks a token sent back for {@code articleId}; a fresh one is used up by this call (in the caller's transaction). */
    Check use(String token, long articleId) {
        var matcher = token == null ? null : FORMAT.matcher(token);
        if (matcher == null || !matcher.matches()) {
            return new Invalid();
        }
        long issued = Long.parseLong(matcher.group(1));
        String nonce = matcher.group(2);
        if (!MessageDigest.isEqual(sign(articleId, issued, nonce).getBytes(StandardCharsets.US_ASCII),
                matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Invalid();
        }
        Instant now = clock.instant();
        Duration age = Duration.between(Instant.ofEpochMilli(issued), now);
        if (age.compareTo(maxAge) > 0) {
            return new Expired(age);
        }
        int recorded = jdbc.sql("insert into comment_form_tokens_used (nonce, used_at) values (:nonce, :now) on conflict do nothing")
                .param("nonce", nonce).param("now", Timestamp.from(now)).update();
        return recorded == 1 ? new Fresh(age) : new AlreadyUsed();
    }

    /** Forgets nonces older than any token still accepted; called by the retention job. */
    int sweep() {
        return jdbc.sql("delete from comment_form_tokens_used where used_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(maxAge.multipliedBy(2)))).update();
    }

    private String sign(long articleId, long issued, String nonce) {
        return secrets.keyedHash("comment-form", articleId + ":" + issued + ":" + nonce);
    }
}
