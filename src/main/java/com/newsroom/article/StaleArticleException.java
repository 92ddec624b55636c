package com.newsroom.article;

/** The article changed since the editor opened it: their save is refused rather than overwriting someone's work. */
public class StaleArticleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleArticleException() {
        super("stale", null, false, false);
    }
}
