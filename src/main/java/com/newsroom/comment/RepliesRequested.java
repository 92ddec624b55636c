package com.newsroom.comment;

/**
 * A reader ticked "Email me replies" on a comment that was not taken for spam. Nothing is sent to the address
 * until its owner confirms (double opt-in).
 *
 * @param commentId the reader's comment
 * @param email the address the reader typed, never shown on any page
 */
public record RepliesRequested(long commentId, String email) {
}
