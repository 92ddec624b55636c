package com.newsroom.search;

import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a title highlighted by {@code ts_headline}, or a passage chosen by {@link Passages}, into safe HTML: everything
 * is escaped, and only the highlight markers put around matches become {@code <mark>} elements, always balanced.
 */
final class Snippets {

    /** Private-use characters: never typed by a reader, so nothing in an article can fake a highlight. */
    static final char START = '\uE000';

    static final char STOP = '\uE001';

    /** The options for {@code ts_headline} that make it mark matches with {@link #START} and {@link #STOP}. */
    static final String MARKERS = "StartSel=" + START + ", StopSel=" + STOP;

    private Snippets() {
    }

    /**
     * @param headline text from {@code ts_headline}; it may hold character references (bodies are stored as HTML)
     * @return HTML with every character escaped but the {@code <mark>} elements
     */
    static String toHtml(String headline) {
        if (headline == null) {
            return "";
        }
        return markedToHtml(HtmlUtils.htmlUnescape(headline));
    }

    /**
     * @param opening the dek and the opening of the body, tags removed; it may hold character references
     * @param lexemes what the query looks for (see {@link Passages#lexemes(String)})
     * @return the passage chosen from the opening as HTML, every character escaped but the {@code <mark>} elements
     */
    static String passageToHtml(String opening, Map<String, Integer> lexemes) {
        if (opening == null) {
            return "";
        }
        return markedToHtml(Passages.choose(HtmlUtils.htmlUnescape(opening), lexemes));
    }

    /** Plain text with markers to HTML. */
    private static String markedToHtml(String text) {
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
