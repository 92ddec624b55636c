package com.newsroom.comment;

/** Why a reader reports a comment; the message key {@code comment.report.reason.<NAME>} words it. */
public enum ReportReason {
    SPAM, ABUSE, OFF_TOPIC, MISLEADING, OTHER
}
