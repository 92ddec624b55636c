package com.newsroom.site;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;

/** Administrators save the site settings; the provider serves them to every page. */
@Service
@Transactional
public class SiteSettingsAdmin {

    public record Values(String name, String tagline, String about, String socialLinks, boolean commentsEnabled,
            boolean commentsPremoderated, int commentsCloseAfterDays, String commentPolicy,
            boolean commentsNewestFirst) {

        /** Threads oldest first. */
        public Values(String name, String tagline, String about, String socialLinks, boolean commentsEnabled,
                boolean commentsPremoderated, int commentsCloseAfterDays, String commentPolicy) {
            this(name, tagline, about, socialLinks, commentsEnabled, commentsPremoderated, commentsCloseAfterDays,
                    commentPolicy, false);
        }
    }

    private final JdbcClient jdbc;

    private final SiteSettingsProvider provider;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    SiteSettingsAdmin(JdbcClient jdbc, SiteSettingsProvider provider, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.provider = provider;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Values current() {
        provider.refresh();
        SiteSettings site = provider.current();
        SiteSettingsProvider.CommentPolicy comments = provider.commentPolicy();
        return new Values(site.name(), site.tagline(), site.about(), SiteSettingsProvider.formatSocial(site.social()),
                comments.enabled(), comments.premoderated(), comments.closeAfterDays(), comments.policyText(),
                comments.newestFirst());
    }

    public void save(Values values, AuditLog.Actor actor) {
        Values before = current();
        jdbc.sql("""
                insert into site_settings (id, name, tagline, about, social_links, comments_enabled,
                    comments_premoderated, comments_close_after_days, comment_policy, comments_newest_first,
                    updated_at, updated_by)
                values (1, :name, :tagline, :about, :social, :enabled, :premoderated, :days, :policy, :newestFirst,
                    :at, :by)
                on conflict (id) do update set name = excluded.name, tagline = excluded.tagline,
                    about = excluded.about, social_links = excluded.social_links,
                    comments_enabled = excluded.comments_enabled, comments_premoderated = excluded.comments_premoderated,
                    comments_close_after_days = excluded.comments_close_after_days,
                    comment_policy = excluded.comment_policy, comments_newest_first = excluded.comments_newest_first,
                    updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("name", values.name().strip()).param("tagline", values.tagline().strip())
                .param("about", values.about().strip()).param("social", values.socialLinks().strip())
                .param("enabled", values.commentsEnabled()).param("premoderated", values.commentsPremoderated())
                .param("days", values.commentsCloseAfterDays()).param("policy", values.commentPolicy().strip())
                .param("newestFirst", values.commentsNewestFirst())
                .param("at", Timestamp.from(clock.instant())).param("by", actor.staffId())
                .update();
        String changes = changes(before, values);
        if (!changes.isEmpty()) {
            audit.record(actor, "settings.changed", "Site settings", "/admin/settings", changes);
        }
        events.publishEvent(new SiteSettingsChanged());
    }

    /** What a save changed, field by field, in words: "Site name: “Old” → “New”; ...". Empty when nothing did. */
    static String changes(Values before, Values after) {
        List<String> changes = new ArrayList<>();
        text(changes, "Site name", before.name(), after.name());
        text(changes, "Tagline", before.tagline(), after.tagline());
        text(changes, "About text", before.about(), after.about());
        text(changes, "Social links", before.socialLinks(), after.socialLinks());
        flag(changes, "Readers may comment", before.commentsEnabled(), after.commentsEnabled());
        flag(changes, "Hold every comment for moderation", before.commentsPremoderated(), after.commentsPremoderated());
        if (before.commentsCloseAfterDays() != after.commentsCloseAfterDays()) {
            changes.add("Close comments after: " + before.commentsCloseAfterDays() + " → "
                    + after.commentsCloseAfterDays() + " days");
        }
        text(changes, "Comment policy", before.commentPolicy(), after.commentPolicy());
        flag(changes, "Newest comments first", before.commentsNewestFirst(), after.commentsNewestFirst());
        return String.join("; ", changes);
    }

    private static final int QUOTED = 60;

    private static void text(List<String> changes, String label, String before, String after) {
        String was = before == null ? "" : before.strip();
        String now = after == null ? "" : after.strip();
        if (!was.equals(now)) {
            changes.add(label + ": " + quote(was) + " → " + quote(now));
        }
    }

    private static void flag(List<String> changes, String label, boolean before, boolean after) {
        if (before != after) {
            changes.add(label + ": " + (before ? "on" : "off") + " → " + (after ? "on" : "off"));
        }
    }

    /** Long texts are shortened: the log says what changed, the settings page holds the whole text. */
    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return "“" + (flat.length() > QUOTED ? flat.substring(0, QUOTED - 1) + "…" : flat) + "”";
    }
}
