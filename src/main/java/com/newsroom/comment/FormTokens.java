package com.newsroom.comment;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.newsroom.site.SiteSecrets;

/**
 * A signed timestamp in the comment form: when the page was served, for which article. It tells how long
 * the reader took to write, and cannot be forged or moved to another article.
 */
@Component
public class FormTokens {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\.([0-9a-f]{64})");

    private final SiteSecrets secrets;

    private final Clock clock;

    FormTokens(SiteSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(long articleId) {
        long issued = clock.millis();
        return issued + "." + sign(articleId, issued);
    }

    /** How long ago the form was served, or empty if the token is missing, malformed or forged. */
    Optional<Duration> age(String token, long articleId) {
        if (token == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long issued = Long.parseLong(matcher.group(1));
        boolean genuine = MessageDigest.isEqual(sign(articleId, issued).getBytes(StandardCharsets.US_ASCII),
                matcher.group(2).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(Duration.between(Instant.ofEpochMilli(issued), clock.instant()))
                : Optional.empty();
    }

    private String sign(long articleId, long issued) {
        return Hmac.sha256Hex(secrets.secret("comment-form"), articleId + ":" + issued);
    }
}
