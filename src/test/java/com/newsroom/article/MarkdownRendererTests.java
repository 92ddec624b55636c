package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersSubheadingsWithAnchorsListsTablesAndLinks() {
        String html = renderer.render("""
                Intro with a [link](https://example.org/a).

                ## What happens next

                - one
                - two

                | Quarter | Inflows |
                |---|---:|
                | Q1 | 10 |
                """).html();

        assertThat(html).contains("<h2 id=\"what-happens-next\">What happens next</h2>");
        assertThat(html).contains("<li>one</li>");
        assertThat(html).contains("<table>").contains("<td align=\"right\">10</td>");
        assertThat(html).contains("href=\"https://example.org/a\"");
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksNeverReachTheReader() {
        String html = renderer.render("""
                <script>alert('x')</script>

                <img src="x" onerror="alert(1)">

                [click](javascript:alert(1))

                <a href="JaVaScRiPt:alert(2)">two</a>

                <iframe src="https://evil.example"></iframe>

                <div style="background:url(javascript:alert(3))" onclick="steal()">styled</div>

                <svg><script>alert(4)</script></svg>

                <p><a href="data:text/html;base64,PHNjcmlwdD4=">data</a></p>

                # A top-level heading becomes a subheading
                """).html();

        Document body = Jsoup.parseBodyFragment(html);
        assertThat(body.select("script, iframe, svg, style, h1, object, embed, form")).isEmpty();
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(element.tagName()).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(attribute.getValue().toLowerCase().strip()).as(attribute.getKey())
                        .doesNotStartWith("javascript:").doesNotStartWith("data:");
            }
        }
        assertThat(body.text()).contains("styled", "click", "two", "data");
        assertThat(body.select("h2").text()).isEqualTo("A top-level heading becomes a subheading");
    }

    @Test
    void readingTimeRoundsUpAtTwoHundredThirtyWordsAMinute() {
        assertThat(renderer.render("word ".repeat(230)).readingMinutes()).isEqualTo(1);
        assertThat(renderer.render("word ".repeat(231)).readingMinutes()).isEqualTo(2);
        assertThat(renderer.render("").readingMinutes()).isEqualTo(1);
    }

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private final MarkdownRenderer withPictures = new MarkdownRenderer(keys -> java.util.Map.of(KEY,
            new com.newsroom.media.Picture(KEY, java.util.List.of(new com.newsroom.media.Picture.Variant("large", 1200, 600),
                    new com.newsroom.media.Picture.Variant("card", 640, 320),
                    new com.newsroom.media.Picture.Variant("thumb", 240, 120)))));

    @Test
    void libraryImagesGetEveryVariantAndTheShownOnesSize() {
        String html = withPictures.render("![Cranes](/media/" + KEY + "/large)").html();

        Element image = Jsoup.parse(html).selectFirst("img");
        assertThat(image.attr("srcset").replace(" , ", ", ")).isEqualTo("/media/%1$s/thumb 240w, /media/%1$s/card 640w, /media/%1$s/large 1200w"
                .formatted(KEY));
        assertThat(image.attr("width")).isEqualTo("1200");
        assertThat(image.attr("height")).isEqualTo("600");
        assertThat(image.attr("sizes")).isEqualTo("(min-width: 44rem) 42rem, calc(100vw - 2rem)");
    }

    @Test
    void responsiveAttributesTypedByHandStayOnlyOnTheLibrarysImagesAndOnlyInTheirShape() {
        String html = withPictures.render("""
                <img src="https://example.org/x.png" srcset="/media/%1$s/large 1600w" width="9" sizes="100vw">

                <img src="/media/%1$s/card" srcset="javascript:alert(1) 1w" sizes="100vw" onerror="alert(1)">
                """.formatted(KEY)).html();

        var images = Jsoup.parse(html).select("img");
        assertThat(images.get(0).attributes().asList()).extracting(Attribute::getKey).containsOnly("src");
        assertThat(images.get(1).attributes().asList()).extracting(Attribute::getKey).containsOnly("src");
    }
}
