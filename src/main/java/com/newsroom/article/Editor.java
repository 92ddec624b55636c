package com.newsroom.article;

import com.newsroom.audit.AuditLog;

/**
 * Who is editing, as the article rules need it: editors and administrators see, edit and publish
 * everything; authors only their own drafts.
 */
public record Editor(long staffId, String name, boolean isEditor) {

    AuditLog.Actor actor() {
        return new AuditLog.Actor(staffId, name);
    }
}
