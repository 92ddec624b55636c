package com.newsroom.notification;

/**
 * One plain-text mail to queue.
 *
 * @param recipient the one address it goes to
 * @param subject the subject line
 * @param body plain text
 * @param unsubscribeUrl where a mail client's one-click unsubscribe posts (RFC 8058), or null
 * @param dedupeKey names the notice so it is never queued twice, or null
 */
record OutgoingMail(String recipient, String subject, String body, String unsubscribeUrl, String dedupeKey) {
}
