package com.newsroom.article;

/**
 * Who is editing, as the article rules need it: editors and administrators see, edit and publish
 * everything; authors only their own drafts. The scheduler acts as {@link #SYSTEM}.
 */
public record Editor(long staffId, String name, boolean isEditor) {

    /** The application itself: scheduled publication, demo data and test fixtures. */
    public static final Editor SYSTEM = new Editor(0, "System", true);

    /** The member of staff's id, or null for the system. */
    public Long staffIdOrNull() {
        return staffId > 0 ? staffId : null;
    }
}
