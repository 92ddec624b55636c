package com.newsroom.article;

public enum ArticleStatus {
    /** Being written; never public. */
    DRAFT,
    /** Approved and waiting for its publication time; not yet public. */
    SCHEDULED,
    /** Public at its permalink and in listings. */
    PUBLISHED,
    /** Taken out of circulation; answers 404 like a draft. */
    ARCHIVED
}
