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
}
