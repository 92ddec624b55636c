package com.newsroom.account;

/** What a member of staff may do in the admin. Higher roles include the lower ones (see the role hierarchy). */
public enum Role {
    /** Everything, including staff management, site settings and the audit log. */
    ADMIN,
    /** All articles, categories, tags, media and comment moderation. */
    EDITOR,
    /** Own drafts only; submits them for review, cannot publish. */
    AUTHOR,
    /** The comment queue only. */
    MODERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
