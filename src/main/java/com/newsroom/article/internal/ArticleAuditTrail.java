package com.newsroom.article.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.newsroom.article.ArticleEvent;
import com.newsroom.article.ArticleStatus;
import com.newsroom.audit.AuditLog;

/**
 * Writes the audit trail of articles from their events, in the transaction that made the change: whoever moves
 * an article along (editor, scheduler, fixtures, demo data), the same entry is written.
 */
@Component
class ArticleAuditTrail {

    private final AuditLog audit;

    ArticleAuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ArticleEvent event) {
        String action = switch (event.kind()) {
            case PUBLISHED -> "article.published";
            case SCHEDULED -> "article.scheduled";
            case UNPUBLISHED -> "article.unpublished";
            case ARCHIVED -> "article.archived";
            case TRASHED -> "article.trashed";
            case RESTORED_FROM_TRASH -> "article.restoredFromTrash";
            case DELETED -> "article.deleted";
            case CORRECTED -> "article.corrected";
            case UPDATE_PUBLISHED -> "article.updatePublished";
            case TAKEDOWN_SCHEDULED -> "article.takedownScheduled";
            case TAKEDOWN_CLEARED -> "article.takedownCleared";
            // A renamed draft was never at a public address; a public one now answers with a redirect.
            case SLUG_CHANGED -> event.oldStatus() == ArticleStatus.PUBLISHED ? "article.slugChanged" : null;
            case CREATED -> "article.created";
            case SUBMITTED_FOR_REVIEW -> "article.submitted";
            case RETURNED_TO_AUTHOR -> "article.returned";
            // Saves of the text are kept as revisions, with their own history; the log keeps the steps.
            case EDITED -> null;
        };
        if (action != null) {
            // A deleted article has no editor page to link to.
            String link = event.kind() == ArticleEvent.Kind.DELETED ? null
                    : "/admin/articles/" + event.articleId() + "/edit";
            audit.record(new AuditLog.Actor(event.by().staffIdOrNull(), event.by().name()), action, event.title(),
                    link, event.detail());
        }
    }
}
