package com.newsroom.web;

/**
 * Well-formed input that breaks a rule (a slug already taken, a schedule in the past, a category with articles
 * and nowhere to move them): the one type every module throws for it. The form is shown again with the message
 * beside {@code field} (or above the form when the rule is about no one field), what was typed kept, and
 * nothing saved.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final String messageKey;

    public RuleViolation(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
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
}
