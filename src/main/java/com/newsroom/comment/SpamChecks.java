package com.newsroom.comment;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;

/**
 * Scores a submission with simple rules a moderator can understand. Each rule that fires says, in words,
 * what it saw; the scores add up to decide between holding and spam.
 */
@Component
class SpamChecks {

    static final int HONEYPOT_SCORE = 100;

    static final int TOO_FAST_SCORE = 40;

    static final int TOKEN_SCORE = 40;

    static final int LINKS_SCORE = 30;

    static final int BLOCKED_WORD_SCORE = 50;

    static final int BLOCKED_HOST_SCORE = 60;

    static final int DUPLICATE_SCORE = 40;

    private static final Duration DUPLICATE_WINDOW = Duration.ofDays(1);

    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW))
            .build();

    private final NewsroomProperties.Comments settings;

    private final FormTokens tokens;

    private final JdbcClient jdbc;

    private final CommenterBlocks blocks;

    private final Blocklist blocklist;

    SpamChecks(NewsroomProperties properties, FormTokens tokens, JdbcClient jdbc, CommenterBlocks blocks,
            Blocklist blocklist) {
        this.settings = properties.comments();
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.blocklist = blocklist;
    }

    /** {@code ipHash} is the keyed hash of the sender's address, as stored with the comment. */
    List<SpamSignal> check(long articleId, CommentForm form, String ipHash, Instant now) {
        List<SpamSignal> signals = new ArrayList<>();
        if (form.fax() != null && !form.fax().isBlank()) {
            signals.add(new SpamSignal(SpamRule.HONEYPOT,
                    "The hidden field that people never see was filled in, as bots do.", HONEYPOT_SCORE));
        }
        FormTokens.Check token = tokens.use(form.token(), articleId);
        if (token instanceof FormTokens.Fresh fresh) {
            if (fresh.age().compareTo(settings.minimumFillTime()) < 0) {
                signals.add(new SpamSignal(SpamRule.TOO_FAST, "Sent %.1f s after the form was served (people take at least %d s)."
                        .formatted(Math.max(0, fresh.age().toMillis()) / 1000.0, settings.minimumFillTime().toSeconds()),
                        TOO_FAST_SCORE));
            }
        }
        else if (token instanceof FormTokens.Expired expired) {
            signals.add(new SpamSignal(SpamRule.FORM_TOKEN,
                    "The form was served %d minutes before it was sent; a form stays valid for %d minutes."
                            .formatted(expired.age().toMinutes(), settings.formTokenMaxAge().toMinutes()),
                    TOKEN_SCORE));
        }
        else if (token instanceof FormTokens.AlreadyUsed) {
            signals.add(new SpamSignal(SpamRule.FORM_TOKEN,
                    "The form was already used for an earlier comment (each served form is good for one).",
                    TOKEN_SCORE));
        }
        else {
            signals.add(new SpamSignal(SpamRule.FORM_TOKEN,
                    "The form's signed timestamp was altered (or made for another article), so it was not sent from our page.",
                    TOKEN_SCORE));
        }
        List<String> links = links(form.body());
        if (links.size() > settings.maxLinks()) {
            signals.add(new SpamSignal(SpamRule.LINKS,
                    "Contains %d links (more than %d).".formatted(links.size(), settings.maxLinks()), LINKS_SCORE));
        }
        blockedWord(form).ifPresent(word -> signals.add(new SpamSignal(SpamRule.BLOCKED_WORD,
                "Contains the blocked word “" + word + "”.", BLOCKED_WORD_SCORE)));
        List<String> allLinks = new ArrayList<>(links);
        if (form.trimmedWebsite() != null) {
            allLinks.add(form.trimmedWebsite());
        }
        blockedHost(allLinks).ifPresent(host -> signals.add(new SpamSignal(SpamRule.BLOCKED_HOST,
                "Links to the blocked site " + host + ".", BLOCKED_HOST_SCORE)));
        if (SpamSignal.total(signals) >= settings.spamThreshold()) {
            // What the comment itself shows already makes it spam, and what the lookups below could find (its text
            // sent before, a block, the sender's history) never lowers a score: a bot's flood is not worth three
            // more queries a post, and its comments stay explained by the rules that fired.
            return signals;
        }
        duplicate(form.body(), now).ifPresent(signals::add);
        blocks.match(form.email(), ipHash).ifPresent(reason -> signals.add(new SpamSignal(SpamRule.BLOCKED_COMMENTER,
                "Blocked by a moderator: " + reason, settings.spamThreshold())));
        signals.add(commenterHistory(form.email(), ipHash));
        return signals;
    }

    private static List<String> links(String body) {
        List<String> links = new ArrayList<>();
        for (LinkSpan span : LINKS.extractLinks(body)) {
            links.add(body.substring(span.getBeginIndex(), span.getEndIndex()));
        }
        return links;
    }

    private Optional<String> blockedWord(CommentForm form) {
        String text = (form.name() + " " + form.body()).toLowerCase(Locale.ROOT);
        return blocklist.words().stream()
                // Whole words only: "class" must not fire on "classic".
                .filter(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                        .matcher(text).find())
                .findFirst();
    }

    private Optional<String> blockedHost(List<String> links) {
        if (links.isEmpty()) {
            return Optional.empty();
        }
        var blockedHosts = blocklist.hosts();
        for (String link : links) {
            String host = host(link);
            if (host == null) {
                continue;
            }
            for (String b : blockedHosts) {
                if (host.equals(b) || host.endsWith("." + b)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private static String host(String link) {
        try {
            String absolute = link.matches("(?i)https?://.*") ? link : "http://" + link;
            String host = URI.create(absolute.replace(" ", "%20")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private Optional<SpamSignal> duplicate(String body, Instant now) {
        return jdbc.sql("""
                select id, created_at from comments
                where md5(body) = md5(:body) and body = :body and created_at > :since
                order by created_at desc limit 1""")
                .param("body", body.strip())
                .param("since", java.sql.Timestamp.from(now.minus(DUPLICATE_WINDOW)))
                .query((rs, row) -> new SpamSignal(SpamRule.DUPLICATE,
                        "Same text as comment #%d sent %s.".formatted(rs.getLong("id"),
                                ago(Duration.between(rs.getTimestamp("created_at").toInstant(), now))),
                        DUPLICATE_SCORE))
                .optional();
    }

    /**
     * Anyone can type an email address, so it alone proves nothing: a commenter counts as known (and may skip
     * moderation) only with approved comments under this email sent from the same address.
     */
    private SpamSignal commenterHistory(String email, String ipHash) {
        record History(int approved, int fromHere) {
        }
        History history = jdbc.sql("""
                select count(*) as approved, count(*) filter (where ip_hash = :ipHash) as from_here
                from comments where lower(author_email) = lower(:email) and status = 'APPROVED'""")
                .param("email", email.strip()).param("ipHash", ipHash)
                .query((rs, row) -> new History(rs.getInt("approved"), rs.getInt("from_here"))).single();
        if (history.fromHere() > 0) {
            return new SpamSignal(SpamRule.KNOWN_COMMENTER, "This email address has %d approved comment%s from this address."
                    .formatted(history.fromHere(), history.fromHere() == 1 ? "" : "s"), 0);
        }
        return history.approved() == 0
                ? new SpamSignal(SpamRule.NEW_COMMENTER, "First comment from this email address.", 0)
                : new SpamSignal(SpamRule.NEW_COMMENTER, "This email address has %d approved comment%s, none from this address."
                        .formatted(history.approved(), history.approved() == 1 ? "" : "s"), 0);
    }

    private static String ago(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "less than a minute earlier";
        }
        if (minutes < 120) {
            return minutes + " minute" + (minutes == 1 ? "" : "s") + " earlier";
        }
        return duration.toHours() + " hours earlier";
    }
}
