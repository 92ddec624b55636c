package com.newsroom.web;

import java.util.regex.Pattern;

/**
 * Cleans text that people type for others to read (names, comments): control characters and Unicode direction
 * controls are removed. They are invisible, can hide text from a moderator, and a right-to-left override in a
 * name reverses the words displayed after it. Letters of right-to-left scripts are untouched.
 */
public final class PlainText {

    /** Direction embeddings, overrides and isolates, the Arabic letter mark and the LTR/RTL marks. */
    private static final String DIRECTION_CONTROLS = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";

    private static final Pattern IN_LINE = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F" + DIRECTION_CONTROLS + "]");

    /** Line breaks (CR, LF) and tabs stay in multi-line text; every other control goes. */
    private static final Pattern IN_TEXT = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F"
            + DIRECTION_CONTROLS + "]");

    private static final Pattern LINE_BREAKS_AND_TABS = Pattern.compile("[\\t\\r\\n]+");

    private PlainText() {
    }

    /** A one-line value such as a name: line breaks and tabs become one space, other controls go. */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        return IN_LINE.matcher(LINE_BREAKS_AND_TABS.matcher(value).replaceAll(" ")).replaceAll("");
    }

    /** Multi-line text such as a comment: line breaks and tabs stay, other controls go. */
    public static String text(String value) {
        return value == null ? null : IN_TEXT.matcher(value).replaceAll("");
    }

    /**
     * A one-line excerpt of at most {@code maxLength} characters: runs of whitespace (line breaks included) become
     * one space, and a cut text ends in "…". For queues, digests and labels that show the start of a comment.
     */
    public static String excerpt(String value, int maxLength) {
        String flat = value.replaceAll("\\s+", " ").strip();
        return flat.length() <= maxLength ? flat : flat.substring(0, maxLength - 1) + "…";
    }
}
