package com.newsroom.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a title or a passage with its matches marked by {@link Passages} into safe HTML: everything is escaped, and
 * only the markers put around matches become {@code <mark>} elements, always balanced.
 */
final class Snippets {

    /** Private-use characters: never typed by a reader, so nothing in an article can fake a highlight. */
    static final char START = '\uE000';

    static final char STOP = '\uE001';

    private Snippets() {
    }

    /**
     * @param title   the article's title, as its card shows it
     * @param lexemes what the query looks for (see {@link Passages#lexemes(String)})
     * @return the title as HTML, every character escaped but the {@code <mark>} elements around its matches
     */
    static String titleToHtml(String title, Passages.Lexemes lexemes) {
        return toHtml(Passages.markAll(title, lexemes));
    }

    /**
     * @param opening the dek and the opening of the body, tags removed; it may hold character references
     * @param lexemes what the query looks for (see {@link Passages#lexemes(String)})
     * @return the passage chosen from the opening as HTML, every character escaped but the {@code <mark>} elements
     */
    static String passageToHtml(String opening, Passages.Lexemes lexemes) {
        if (opening == null) {
            return "";
        }
        return toHtml(Passages.choose(HtmlUtils.htmlUnescape(opening), lexemes));
    }

    /** Plain text with markers to HTML; null gives an empty string. */
    static String toHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        StringBuilder plain = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == START || c == STOP) {
                html.append(HtmlUtils.htmlEscape(plain.toString(), "UTF-8"));
                plain.setLength(0);
                if (c == START && !open) {
                    html.append("<mark>");
                    open = true;
                }
                else if (c == STOP && open) {
                    html.append("</mark>");
                    open = false;
                }
            }
            else {
                plain.append(c);
            }
        }
        html.append(HtmlUtils.htmlEscape(plain.toString(), "UTF-8"));
        if (open) {
            html.append("</mark>");
        }
        return html.toString().strip();
    }
}
