package com.newsroom.article;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Renders an article's Markdown to HTML and allow-lists the result, so whatever an editor pastes
 * (raw HTML, javascript: links, event handlers) cannot run in a reader's browser.
 */
@Component
public class MarkdownRenderer {

    private static final int WORDS_PER_MINUTE = 230;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            HeadingAnchorExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "figure", "figcaption")
                    .allowAttributes("id").matching(Pattern.compile("[a-z0-9-]{1,120}")).onElements("h2", "h3", "h4")
                    .allowAttributes("class").matching(Pattern.compile("language-[a-z0-9+#-]{1,30}")).onElements("code")
                    .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown;
        String html = POLICY.sanitize(renderer.render(parser.parse(source)));
        return new RenderedBody(html, readingMinutes(source));
    }

    static int readingMinutes(String text) {
        long words = WORD.matcher(text).results().count();
        return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
