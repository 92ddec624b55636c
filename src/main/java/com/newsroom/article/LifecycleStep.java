package com.newsroom.article;

import java.time.Instant;

/**
 * What the editor's button asks for besides saving the text: nothing, review, publication or a schedule.
 * Saved together with the text, in one transaction: both happen or neither does.
 */
public record LifecycleStep(Kind kind, Instant at) {

    public enum Kind {
        SAVE, SUBMIT, PUBLISH, SCHEDULE
    }

    public static final LifecycleStep SAVE_ONLY = new LifecycleStep(Kind.SAVE, null);

    public static LifecycleStep submit() {
        return new LifecycleStep(Kind.SUBMIT, null);
    }

    public static LifecycleStep publish() {
        return new LifecycleStep(Kind.PUBLISH, null);
    }

    /** Publication at {@code at}; a null time is refused by the article, with nothing saved. */
    public static LifecycleStep schedule(Instant at) {
        return new LifecycleStep(Kind.SCHEDULE, at);
    }

    boolean needsEditor() {
        return kind == Kind.PUBLISH || kind == Kind.SCHEDULE;
    }
}
