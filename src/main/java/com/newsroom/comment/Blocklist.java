package com.newsroom.comment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.config.NewsroomProperties;
import com.newsroom.web.RuleViolation;

/**
 * Blocked words and link hosts: what moderators keep in the admin (table spam_blocklist) plus what configuration
 * names. Read from PostgreSQL by every spam check, so an edit counts for the next comment on every instance; the
 * table is a few hundred short rows at most.
 */
@Service
@Transactional
public class Blocklist {

    static final int MAX_ENTRIES = 500;

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /** What the admin page shows: the edited lists, and what configuration adds (not editable there). */
    public record Entries(List<String> words, List<String> hosts, List<String> configuredWords,
            List<String> configuredHosts) {
    }

    private final JdbcClient jdbc;

    private final NewsroomProperties.Comments settings;

    private final AuditLog audit;

    private final Clock clock;

    Blocklist(JdbcClient jdbc, NewsroomProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.comments();
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Entries entries() {
        return new Entries(stored("WORD"), stored("HOST"), clean(settings.blockedWords()), clean(settings.blockedHosts()));
    }

    /** Every blocked word, lower case: stored and configured. */
    @Transactional(readOnly = true)
    public Set<String> words() {
        Set<String> all = new LinkedHashSet<>(clean(settings.blockedWords()));
        all.addAll(stored("WORD"));
        return all;
    }

    /** Every blocked host (its subdomains are blocked with it), lower case: stored and configured. */
    @Transactional(readOnly = true)
    public Set<String> hosts() {
        Set<String> all = new LinkedHashSet<>(clean(settings.blockedHosts()));
        all.addAll(stored("HOST"));
        return all;
    }

    /**
     * Replaces the stored lists with what was typed, one entry a line; checked whole before anything is written.
     * The audit entry names what was added and removed.
     */
    public void replace(String wordLines, String hostLines, AuditLog.Actor actor) {
        Set<String> words = lines(wordLines);
        Set<String> hosts = new TreeSet<>();
        for (String host : lines(hostLines)) {
            String bare = host.replaceFirst("^https?://", "").replaceFirst("/.*$", "").replaceFirst("^www\\.", "");
            if (!HOST.matcher(bare).matches()) {
                throw new RuleViolation("hosts", "moderation.blocklist.hostInvalid");
            }
            hosts.add(bare);
        }
        if (words.stream().anyMatch(word -> word.length() > 100)) {
            throw new RuleViolation("words", "moderation.blocklist.wordTooLong");
        }
        if (words.size() + hosts.size() > MAX_ENTRIES) {
            throw new RuleViolation("words", "moderation.blocklist.tooMany");
        }
        List<String> changes = new ArrayList<>();
        changes.addAll(write("WORD", "word", words, actor));
        changes.addAll(write("HOST", "site", hosts, actor));
        if (!changes.isEmpty()) {
            audit.record(actor, "blocklist.changed", "Blocked words and sites", "/admin/comments/blocklist",
                    String.join("; ", changes));
        }
    }

    private List<String> write(String kind, String noun, Set<String> wanted, AuditLog.Actor actor) {
        List<String> before = stored(kind);
        List<String> added = wanted.stream().filter(e -> !before.contains(e)).toList();
        List<String> removed = before.stream().filter(e -> !wanted.contains(e)).toList();
        Instant now = clock.instant();
        if (!removed.isEmpty()) {
            jdbc.sql("delete from spam_blocklist where kind = :kind and entry in (:entries)")
                    .param("kind", kind).param("entries", removed).update();
        }
        for (String entry : added) {
            jdbc.sql("insert into spam_blocklist (kind, entry, added_at, added_by) values (:kind, :entry, :at, :by)")
                    .param("kind", kind).param("entry", entry).param("at", Timestamp.from(now))
                    .param("by", actor.name()).update();
        }
        List<String> changes = new ArrayList<>();
        if (!added.isEmpty()) {
            changes.add(noun + (added.size() == 1 ? "" : "s") + " added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            changes.add(noun + (removed.size() == 1 ? "" : "s") + " removed: " + String.join(", ", removed));
        }
        return changes;
    }

    private List<String> stored(String kind) {
        return jdbc.sql("select entry from spam_blocklist where kind = :kind order by entry")
                .param("kind", kind).query(String.class).list();
    }

    private static Set<String> lines(String text) {
        Set<String> entries = new TreeSet<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static List<String> clean(List<String> configured) {
        return configured.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
    }
}
