package com.newsroom.notification;

import java.time.Instant;

/**
 * A mail in the outbox as administrators see it: never its text (it holds readers' personal links), and the
 * address masked.
 */
public record QueuedMail(long id, String recipient, String subject, Instant createdAt, int attempts,
        Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError) {

    public String state() {
        if (sentAt != null) {
            return "sent";
        }
        return failedAt != null ? "failed" : "waiting";
    }

    /** "r***@example.com": enough to recognise a colleague's address, not to harvest readers'. */
    static String masked(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    public record Counts(long waiting, long sent, long failed) {
    }
}
