package com.newsroom.article;

/**
 * The summary listings, search and feeds show: the editor's own words when they wrote some, otherwise the
 * body's first paragraph. The derived one is stored too (listings read it), but it is never handed back to
 * the editor form as if the editor had written it, so it follows every later rewrite of the body.
 */
final class Excerpts {

    private static final int LENGTH = 280;

    private Excerpts() {
    }

    /** The excerpt to store: the one written, or the lead of the body. */
    static String ownOrLead(String excerpt, String body) {
        if (excerpt != null && !excerpt.isBlank()) {
            return excerpt.strip();
        }
        return lead(body);
    }

    /**
     * The excerpt the editor wrote, or "" when the stored one is the body's lead (derived). An excerpt written
     * word for word like the lead counts as derived: the same text either way until the body changes.
     */
    static String written(String stored, String body) {
        return stored == null || stored.equals(lead(body)) ? "" : stored;
    }

    /** The first paragraph's words, without Markdown punctuation, cut at a word near {@value #LENGTH} characters. */
    static String lead(String body) {
        String lead = body == null ? "" : body.strip().split("\\n\\s*\\n", 2)[0];
        lead = lead.replaceAll("[#>*_`\\[\\]]|\\(https?://[^)]*\\)", "").replaceAll("\\s+", " ").strip();
        if (lead.length() <= LENGTH) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', LENGTH - 1);
        return lead.substring(0, cut > 0 ? cut : LENGTH - 1) + "…";
    }
}
