package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Templates show what their view model carries: a bean called from a template ({@code ${@someBean.method()}})
 * hides a query, or a rule, from everyone reading the Java.
 */
class TemplateConventionsTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** {@code @name} inside an expression; link expressions are {@code @{...}} and stay allowed. */
    private static final Pattern BEAN_CALL = Pattern.compile("@[A-Za-z_][\\w]*\\s*[.(]");

    @Test
    void templatesCallNoBeans() throws IOException {
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher call = BEAN_CALL.matcher(lines.get(i));
                    while (call.find()) {
                        if (insideExpression(lines.get(i), call.start())) {
                            calls.add(TEMPLATES.relativize(file) + ":" + (i + 1) + " " + call.group());
                        }
                    }
                }
            }
        }
        assertThat(calls).isEmpty();
    }

    /** Whether the position is inside {@code ${...}} or {@code *{...}} (so an e-mail address in text is not a call). */
    private static boolean insideExpression(String line, int at) {
        int open = Math.max(line.lastIndexOf("${", at), line.lastIndexOf("*{", at));
        return open >= 0 && line.indexOf('}', open) > at;
    }
}
