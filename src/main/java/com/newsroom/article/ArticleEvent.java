package com.newsroom.article;

import java.time.Instant;
import java.util.Set;

/**
 * Something happened to an article. Registered by {@link Article} itself as it moves along its life, published
 * when the article is saved, inside the same transaction. It names everything a listener may need to react
 * without reading the article again: which article, the categories, tags and authors it touched (before and
 * after the change, so a page that no longer shows it is found too), the status before and after, who did it.
 *
 * @param kind what happened
 * @param articleId the article
 * @param title its title after the change
 * @param slug its slug after the change
 * @param previousSlug the slug before a rename, else the same as {@code slug}
 * @param categoryIds the primary categories before and after
 * @param tagIds the tags before and after
 * @param authorIds the byline before and after
 * @param oldStatus the status before
 * @param newStatus the status after
 * @param by who did it ({@link Editor#SYSTEM} for the scheduler)
 * @param at when
 * @param detail what the audit trail shows beside it (a time, a note), or empty
 */
public record ArticleEvent(Kind kind, long articleId, String title, String slug, String previousSlug,
        Set<Long> categoryIds, Set<Long> tagIds, Set<Long> authorIds, ArticleStatus oldStatus,
        ArticleStatus newStatus, Editor by, Instant at, String detail) {

    public enum Kind {
        CREATED, EDITED, SUBMITTED_FOR_REVIEW, RETURNED_TO_AUTHOR, PUBLISHED, SCHEDULED, TAKEDOWN_SCHEDULED,
        TAKEDOWN_CLEARED, UNPUBLISHED, ARCHIVED, CORRECTED, SLUG_CHANGED, TRASHED, RESTORED_FROM_TRASH, DELETED,
        /** A staged update replaced the live text of a published article. */
        UPDATE_PUBLISHED
    }

    /** Whether readers could see the change: the article was or is public. */
    public boolean visibleToReaders() {
        return oldStatus == ArticleStatus.PUBLISHED || newStatus == ArticleStatus.PUBLISHED;
    }
}
