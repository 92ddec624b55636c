package com.newsroom.article;

/** Well-formed input that breaks a rule (a slug already taken, a schedule in the past): shown beside {@code field}. */
public class EditorialProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final String messageKey;

    public EditorialProblem(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
