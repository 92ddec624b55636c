package com.newsroom.web;

import org.springframework.http.HttpStatus;

/**
 * Well-formed input that breaks a rule (a slug already taken, a schedule in the past, a category with articles
 * and nowhere to move them): the one type every module throws for it. The form is shown again with the message
 * beside {@code field} (or above the form when the rule is about no one field), what was typed kept, and
 * nothing saved. {@link FormSubmissions} turns it into that page.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final String messageKey;

    private final boolean conflict;

    public RuleViolation(String field, String messageKey) {
        this(field, messageKey, false);
    }

    private RuleViolation(String field, String messageKey, boolean conflict) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.conflict = conflict;
    }

    /**
     * Refused because of what is stored, not because of what was typed (deleting an article that readers can
     * see): answered with 409 rather than 422.
     */
    public static RuleViolation conflict(String field, String messageKey) {
        return new RuleViolation(field, messageKey, true);
    }

    /** A rule about the whole form rather than one field. */
    public RuleViolation(String messageKey) {
        this(null, messageKey);
    }

    /** The form field the message belongs beside, or null. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The status of the page that shows the form again. */
    public HttpStatus status() {
        return conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
