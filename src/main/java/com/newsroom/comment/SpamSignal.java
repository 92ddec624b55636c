package com.newsroom.comment;

/** One rule that fired on a comment: which, why in words, and how much it counts towards spam. */
public record SpamSignal(SpamRule rule, String detail, int score) {
}
