package com.newsroom.comment;

import java.util.EnumSet;

import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a comment's plain text into HTML that can only be text, line breaks and links: everything is
 * escaped, and bare web addresses become links that pass no ranking and no referrer.
 */
final class CommentText {

    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL)).build();

    private CommentText() {
    }

    static String toHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (var span : LINKS.extractSpans(text)) {
            String part = text.substring(span.getBeginIndex(), span.getEndIndex());
            if (span instanceof LinkSpan && isWebAddress(part)) {
                String escaped = HtmlUtils.htmlEscape(part);
                html.append("<a href=\"").append(escaped).append("\" rel=\"nofollow ugc noopener\">")
                        .append(escaped).append("</a>");
            }
            else {
                html.append(HtmlUtils.htmlEscape(part));
            }
        }
        return html.toString().replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    private static boolean isWebAddress(String url) {
        String lower = url.toLowerCase();
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
