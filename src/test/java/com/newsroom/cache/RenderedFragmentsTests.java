package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** What {@code nr:cache} keeps and when it renders again, on a template engine of its own. */
class RenderedFragmentsTests {

    private final RenderedFragments fragments = new RenderedFragments();

    private final SpringTemplateEngine engine = engine(fragments);

    /** Counts how often the element's body is evaluated: a kept element shows the count of its first render. */
    public static final class Renders {

        private int count;

        public int next() {
            return ++count;
        }
    }

    @Test
    void theSameValuesReuseTheFirstRendering() {
        String template = "<p nr:cache=\"${id}\" th:text=\"${id} + ':' + ${renders.next()}\">x</p>";
        Renders renders = new Renders();

        assertThat(render(template, Map.of("id", 1, "renders", renders))).isEqualTo("<p>1:1</p>");
        assertThat(render(template, Map.of("id", 1, "renders", renders))).isEqualTo("<p>1:1</p>");
        assertThat(render(template, Map.of("id", 2, "renders", renders))).isEqualTo("<p>2:2</p>");
        assertThat(render(template, Map.of("id", 1, "renders", renders))).isEqualTo("<p>1:1</p>");
    }

    @Test
    void twoElementsWithTheSameValuesKeepTheirOwnHtml() {
        String template = "<h1 nr:cache=\"${id}\" th:text=\"'title ' + ${id}\">x</h1>"
                + "<footer nr:cache=\"${id}\" th:text=\"'footer ' + ${id}\">x</footer>";

        for (int round = 0; round < 2; round++) {
            assertThat(render(template, Map.of("id", 7))).isEqualTo("<h1>title 7</h1><footer>footer 7</footer>");
        }
    }

    @Test
    void keptHtmlIsWrittenAsRenderedNeverEvaluatedAgain() {
        String template = "<div nr:cache=\"${text}\"><p th:utext=\"${text}\">x</p></div>";
        String text = "[[${7*7}]] [(${7*7})]";

        for (int round = 0; round < 2; round++) {
            assertThat(render(template, Map.of("text", text))).isEqualTo("<div><p>" + text + "</p></div>");
        }
    }

    @Test
    void elementsInsideAKeptElementAreKeptByTheirOwnValues() {
        String template = "<ul nr:cache=\"${list}\"><li th:each=\"item : ${list}\" nr:cache=\"${item}\""
                + " th:text=\"${item} + ':' + ${renders.next()}\">x</li></ul>";
        Renders renders = new Renders();

        assertThat(render(template, Map.of("list", java.util.List.of("a", "b"), "renders", renders)))
                .isEqualTo("<ul><li>a:1</li><li>b:2</li></ul>");
        assertThat(render(template, Map.of("list", java.util.List.of("b", "c"), "renders", renders)))
                .isEqualTo("<ul><li>b:2</li><li>c:3</li></ul>");
    }

    private String render(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(java.util.Locale.ENGLISH, variables));
    }

    @Test
    void aPageRecordsTheLargePartsItWritesAtTheTopLevelInOrder() throws DataFormatException {
        String large = "x".repeat(RenderedFragments.COMPRESSED_FROM_CHARS);
        String template = "<main nr:cache=\"${list}\"><p th:each=\"item : ${list}\" nr:cache=\"${item}\""
                + " th:text=\"${item}\">x</p></main><footer nr:cache=\"'small'\">small</footer>"
                + "<aside nr:cache=\"${large}\" th:text=\"${large}\">x</aside>";
        // The inner paragraphs are large too, but are part of the main element's HTML.
        List<String> list = List.of(large + "a", large + "b");
        String main = "<main><p>" + list.get(0) + "</p><p>" + list.get(1) + "</p></main>";
        String aside = "<aside>" + large + "</aside>";

        for (int round = 0; round < 2; round++) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            String html = renderFor(request, template, Map.of("list", list, "large", large));

            assertThat(html).isEqualTo(main + "<footer>small</footer>" + aside);
            List<DeflatedPart> parts = fragments.deflatedParts(request);
            assertThat(parts).extracting(part -> new String(part.plain(), StandardCharsets.UTF_8))
                    .containsExactly(main, aside);
            for (DeflatedPart part : parts) {
                assertThat(inflate(part.deflated())).isEqualTo(part.plain());
            }
        }
    }

    @Test
    void aPageRenderedOutsideARequestRecordsNothing() {
        String large = "x".repeat(RenderedFragments.COMPRESSED_FROM_CHARS);

        render("<aside nr:cache=\"${large}\" th:text=\"${large}\">x</aside>", Map.of("large", large));

        assertThat(fragments.deflatedParts(new MockHttpServletRequest())).isEmpty();
    }

    private String renderFor(MockHttpServletRequest request, String template, Map<String, Object> variables) {
        var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        return engine.process(template, new WebContext(exchange, Locale.ENGLISH, variables));
    }

    /** A segment ends with a sync flush, not a final block: it is inflated once all of it is read. */
    private static byte[] inflate(byte[] segment) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(segment);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.needsInput()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return out.toByteArray();
    }

    private static SpringTemplateEngine engine(RenderedFragments fragments) {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(fragments);
        return engine;
    }
}
