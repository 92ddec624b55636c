package com.newsroom.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a {@code ts_headline} result into safe HTML: everything is escaped, and only the highlight
 * markers the database put around matches become {@code <mark>} elements, always balanced.
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
        String text = HtmlUtils.htmlUnescape(headline);
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
