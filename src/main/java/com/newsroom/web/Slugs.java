package com.newsroom.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII words joined by single hyphens, as the database constraints require. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Ünïcode & Friends — 2026!" becomes "unicode-friends-2026"; never longer than {@code maxLength}. */
    public static String from(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = trimHyphens(slug.substring(0, cut > maxLength / 2 ? cut : maxLength));
        }
        return slug;
    }

    public static String from(String text) {
        return from(text, MAX_LENGTH);
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 120 && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
