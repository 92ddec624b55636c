package com.newsroom.site;

import java.sql.Timestamp;
import java.time.Clock;

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
            boolean commentsPremoderated, int commentsCloseAfterDays, String commentPolicy) {
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
                comments.enabled(), comments.premoderated(), comments.closeAfterDays(), comments.policyText());
    }

    public void save(Values values, AuditLog.Actor actor) {
        jdbc.sql("""
                insert into site_settings (id, name, tagline, about, social_links, comments_enabled,
                    comments_premoderated, comments_close_after_days, comment_policy, updated_at, updated_by)
                values (1, :name, :tagline, :about, :social, :enabled, :premoderated, :days, :policy, :at, :by)
                on conflict (id) do update set name = excluded.name, tagline = excluded.tagline,
                    about = excluded.about, social_links = excluded.social_links,
                    comments_enabled = excluded.comments_enabled, comments_premoderated = excluded.comments_premoderated,
                    comments_close_after_days = excluded.comments_close_after_days,
                    comment_policy = excluded.comment_policy, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("name", values.name().strip()).param("tagline", values.tagline().strip())
                .param("about", values.about().strip()).param("social", values.socialLinks().strip())
                .param("enabled", values.commentsEnabled()).param("premoderated", values.commentsPremoderated())
                .param("days", values.commentsCloseAfterDays()).param("policy", values.commentPolicy().strip())
                .param("at", Timestamp.from(clock.instant())).param("by", actor.staffId())
                .update();
        audit.record(actor, "settings.changed", "site", "");
        events.publishEvent(new SiteSettingsChanged());
    }
}
