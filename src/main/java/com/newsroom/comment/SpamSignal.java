package com.newsroom.comment;

import java.util.List;

/** One rule that fired on a comment: which, why in words, and how much it counts towards spam. */
public record SpamSignal(SpamRule rule, String detail, int score) {

    /** A comment's spam score: what all the rules that fired on it count together. */
    static int total(List<SpamSignal> signals) {
        int total = 0;
        for (SpamSignal signal : signals) {
            total += signal.score();
        }
        return total;
    }
}
