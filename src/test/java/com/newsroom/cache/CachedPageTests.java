package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class CachedPageTests {

    private static final String PAGE = "<!DOCTYPE html><html><body><h1>Élection — résultats</h1>"
            + "<p>Lorem ipsum dolor sit amet. </p>".repeat(400) + "</body></html>";

    @Test
    void aPageWithoutSlotsIsKeptAsItsGzippedBytesAloneAndGivesItsTextBack() throws IOException {
        CachedPage page = keep(PAGE);

        assertThat(page.hasSlots()).isFalse();
        assertThat(gunzip(page.gzip(new byte[0][]))).isEqualTo(PAGE);
        assertThat(new String(page.plain(new byte[0][]), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        // Its weight is what it holds: the compressed bytes, not the page as rendered as well.
        assertThat(page.weight()).isLessThan(PAGE.length() / 10);
    }

    @Test
    void aPageWithSlotsIsSentWithEachResponsesValuesInsideOneValidGzipMember() throws IOException {
        CachedPage page = keep(PAGE.replace("<h1>", "<!--slot:token:7--><h1>").replace("</body>", "<!--slot:token:8--></body>"));
        byte[][] values = { "<input value=\"a\">".getBytes(StandardCharsets.UTF_8), "ü".getBytes(StandardCharsets.UTF_8) };

        assertThat(page.hasSlots()).isTrue();
        String expected = PAGE.replace("<h1>", "<input value=\"a\"><h1>").replace("</body>", "ü</body>");
        assertThat(gunzip(page.gzip(values))).isEqualTo(expected);
        assertThat(new String(page.plain(values), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void compressorsReusedAcrossPagesAndThreadsGiveEachPageItsOwnBytes() {
        // More pages at once than compressors are kept idle: some are made and ended, the kept ones reset between pages.
        IntStream.range(0, 200).parallel().forEach(i -> {
            String body = PAGE.replace("Lorem", "Page " + i);
            try {
                assertThat(gunzip(keep(body).gzip(new byte[0][]))).isEqualTo(body);
                assertThat(gunzip(PersonalPageCompression.gzip(body.getBytes(StandardCharsets.UTF_8), List.of()))).isEqualTo(body);
            }
            catch (IOException ex) {
                throw new AssertionError(ex);
            }
        });
    }

    private static CachedPage keep(String html) {
        return CachedPage.of("text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), "W/\"1\"", Instant.now(),
                Set.of("home"));
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
