package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * A page rendered for one response goes out with its large kept parts as their own deflate segments, and is always
 * exactly the page rendered: the trailer (CRC-32 and length, checked by {@link GZIPInputStream}) covers every byte.
 */
class PersonalPageCompressionTests {

    private static final String HEAD = "<head><title>Kept head — “quoted”</title>" + "<meta name=x>".repeat(40)
            + "</head>";

    private static final String THREAD = "<ol class=\"comments\">"
            + "<li>Zoë wrote: 東京の記事、ありがとう — a reply, kept with the thread</li>".repeat(60) + "</ol>";

    private static final String FORM = "<form method=post><input name=token value=1796319347713.abc></form>"
            + "<p>Between the parts, compressed for this response alone.</p>".repeat(20);

    @Test
    void partsFoundInThePageGoOutAsTheirKeptSegments() throws IOException {
        String page = "<!DOCTYPE html><html>" + HEAD + "<body>" + THREAD + FORM + "</body></html>";
        DeflatedPart head = part(HEAD);
        DeflatedPart thread = part(THREAD);

        byte[] gzipped = PersonalPageCompression.gzip(bytes(page), List.of(head, thread));

        assertThat(gunzip(gzipped)).isEqualTo(page);
        assertThat(indexOf(gzipped, head.deflated())).isPositive();
        assertThat(indexOf(gzipped, thread.deflated())).isGreaterThan(indexOf(gzipped, head.deflated()));
    }

    @Test
    void partsThatTouchEachOtherOrTheEndsOfThePageNeedNothingBetweenThem() throws IOException {
        String page = HEAD + THREAD;

        byte[] gzipped = PersonalPageCompression.gzip(bytes(page), List.of(part(HEAD), part(THREAD)));

        assertThat(gunzip(gzipped)).isEqualTo(page);
        // Header, two segments, the empty final block and the trailer: nothing compressed here.
        assertThat(gzipped).hasSize(Gzip.HEADER.length + part(HEAD).deflated().length
                + part(THREAD).deflated().length + Gzip.LAST_BLOCK.length + 8);
    }

    @Test
    void aPartNotInThePageOrOutOfOrderIsCompressedWithTheRest() throws IOException {
        String page = "<html>" + THREAD + FORM + HEAD + "</html>";
        DeflatedPart missing = part("<aside>" + "not on this page ".repeat(200) + "</aside>");

        // The head comes after the thread in the page: looked for after the thread, it is not found.
        byte[] gzipped = PersonalPageCompression.gzip(bytes(page), List.of(missing, part(HEAD), part(THREAD)));

        assertThat(gunzip(gzipped)).isEqualTo(page);
        assertThat(indexOf(gzipped, part(THREAD).deflated())).isEqualTo(-1);
    }

    @Test
    void aPartIsFoundByAllItsBytesNotByTheFirstOnes() throws IOException {
        String part = HEAD.replace("</head>", "<meta name=kept></head>");
        // An earlier near copy of the part, different only near its end.
        String page = HEAD + FORM + part;

        byte[] gzipped = PersonalPageCompression.gzip(bytes(page), List.of(part(part)));

        assertThat(gunzip(gzipped)).isEqualTo(page);
        assertThat(Bytes.indexOf(bytes(page), bytes(part), 0)).isEqualTo(bytes(HEAD + FORM).length);
    }

    @Test
    void aPageWithoutPartsIsOneGzipMember() throws IOException {
        String page = HEAD + FORM;

        assertThat(gunzip(PersonalPageCompression.gzip(bytes(page), List.of()))).isEqualTo(page);
    }

    private static DeflatedPart part(String html) {
        byte[] plain = bytes(html);
        return new DeflatedPart(plain, Gzip.STORED.segment(plain));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int at = 0; at <= haystack.length - needle.length; at++) {
            if (Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
