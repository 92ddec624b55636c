package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** What {@code nr:cache} keeps and when it renders again, on a template engine of its own. */
class RenderedFragmentsTests {

    private final SpringTemplateEngine engine = engine();

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

    private static SpringTemplateEngine engine() {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new RenderedFragments());
        return engine;
    }
}
