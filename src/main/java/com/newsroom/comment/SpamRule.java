package com.newsroom.comment;

public enum SpamRule {
    HONEYPOT, TOO_FAST, FORM_TOKEN, LINKS, BLOCKED_WORD, BLOCKED_HOST, DUPLICATE, NEW_COMMENTER, KNOWN_COMMENTER,
    /** A moderator blocked this email (or address): straight to spam. */
    BLOCKED_COMMENTER
}
