package com.newsroom.article;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.newsroom.media.MediaLibrary;
import com.newsroom.media.Picture;

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

    /**
     * One explicit allow-list: what Markdown produces (and nothing it does not), links limited to web and
     * mail addresses, images to web addresses, heading ids kept for in-page links.
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre",
                    "code", "em", "strong", "del", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
                    "figure", "figcaption")
            .allowElements((name, attrs) -> "h2", "h1")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelNofollowOnLinks()
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("title").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("id").matching(Pattern.compile("[a-z0-9-]{1,120}")).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(Pattern.compile("language-[a-z0-9+#-]{1,30}")).onElements("code")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            // Responsive images, for the site's own library images only (see ResponsiveImages): the variants'
            // real sizes, so a reader's browser downloads no more than it shows and reserves the space.
            .allowAttributes("srcset").matching(ResponsiveImages.SRCSET).onElements("img")
            .allowAttributes("sizes").matching(ResponsiveImages.SIZES).onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,5}")).onElements("img")
            .allowAttributes("loading").matching(true, "lazy").onElements("img")
            .allowAttributes("decoding").matching(true, "async").onElements("img")
            .allowElements(ResponsiveImages.ONLY_FOR_OWN_IMAGES, "img")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private final Function<Collection<String>, Map<String, Picture>> pictures;

    /** A renderer that knows the library's pictures, looked up once per rendered body. */
    @Autowired
    MarkdownRenderer(MediaLibrary media) {
        this(media::pictures);
    }

    /** A renderer with no picture sizes: library images stay plain {@code <img>} elements. */
    public MarkdownRenderer() {
        this(keys -> Map.of());
    }

    MarkdownRenderer(Function<Collection<String>, Map<String, Picture>> pictures) {
        this.pictures = pictures;
    }

    /**
     * The body as readers get it. Rendered once when the body is saved (never per request); the library images
     * it shows are looked up in one query for the whole body.
     */
    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown;
        Node document = parser.parse(source);
        Map<String, Picture> found = pictures.apply(ResponsiveImages.keysIn(document));
        HtmlRenderer html = found.isEmpty() ? renderer : HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> new ResponsiveImages(found)).build();
        return new RenderedBody(POLICY.sanitize(html.render(document)), readingMinutes(source));
    }

    static int readingMinutes(String text) {
        return minutesFor(words(text));
    }

    /** Words in the Markdown source, as the reading time counts them (the editor shows both while typing). */
    static long words(String text) {
        return text == null ? 0 : WORD.matcher(text).results().count();
    }

    static int minutesFor(long words) {
        return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
