package com.newsroom.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

import nu.validator.client.EmbeddedValidator;

/** The rendered HTML of every page type passes the Nu HTML checker (run in-process) with zero errors. */
@IntegrationTest
class HtmlValidityIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(HtmlValidityIntegrationTests.class);

    private static final AtomicInteger CHECKED = new AtomicInteger();

    private static final AtomicInteger WARNINGS = new AtomicInteger();

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @TestFactory
    Stream<DynamicTest> everyPageTypeIsValidHtml() {
        PageTypes.Fixture fixture = PageTypes.Fixture.create(content, staff);
        StandardsPages pages = new StandardsPages(site, fixture);
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        // The check itself must be able to fail: misnested and unclosed elements are errors.
        DynamicTest selfCheck = DynamicTest.dynamicTest("the checker catches invalid HTML", () -> assertThat(
                errors(validator, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p>a<div></span>"))
                .isNotEmpty());
        return Stream.concat(Stream.of(selfCheck), PageTypes.ALL.stream().map(page -> DynamicTest.dynamicTest(page.name(), () -> {
            SiteClient.Page response = pages.fetch(page);
            assertThat(response.header("Content-Type")).as(page.name()).startsWith("text/html");
            if (page.form() != null && !page.staff()) {
                assertThat(response.status()).as("%s answers with the form and its errors", page.name()).isEqualTo(422);
            }
            String report = validator.validate(
                    new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            List<String> lines = Arrays.stream(report.split("\n")).filter(l -> !l.isBlank()).toList();
            List<String> errors = lines.stream().filter(l -> l.contains(" error:") || l.contains(": error")).toList();
            WARNINGS.addAndGet(lines.size() - errors.size());
            lines.stream().filter(l -> !errors.contains(l)).forEach(l -> log.info("Nu on {}: {}", page.name(), l));
            CHECKED.incrementAndGet();
            assertThat(errors).as("Nu HTML checker errors on %s (%s, status %d)", page.name(),
                    page.resolvedPath(fixture), response.status()).isEmpty();
        })));
    }

    private static List<String> errors(EmbeddedValidator validator, String html) throws Exception {
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        return Arrays.stream(report.split("\n")).filter(l -> l.contains(" error:") || l.contains(": error")).toList();
    }

    @AfterAll
    static void count() {
        log.info("Nu HTML checker: {} page types checked, {} warnings/infos", CHECKED.get(), WARNINGS.get());
    }
}
