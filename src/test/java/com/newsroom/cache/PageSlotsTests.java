package com.newsroom.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** How a rendered page is split at its slot markers, byte for byte, whatever text surrounds them. */
class PageSlotsTests {

    @Test
    void aPageWithoutMarkersIsOneLiteralTheSameBytes() {
        byte[] page = bytes("<p>No slots here, only <!-- a comment --> and <!--slot without its colon</p>");
        PageSlots.Template template = PageSlots.parse(page);
        assertThat(template.slots()).isEmpty();
        assertThat(template.literals()).singleElement().isSameAs(page);
    }

    @Test
    void markersSplitThePageIntoLiteralsAroundTheirSlots() {
        PageSlots.Template template = PageSlots.parse(bytes(PageSlots.marker("token", 42) + "<p>“Quoted” é</p>"
                + PageSlots.marker("greeting", null) + "<p>end</p>" + PageSlots.marker("token", "a.b:c")));

        assertThat(template.slots()).containsExactly(new PageSlots.Slot("token", "42"),
                new PageSlots.Slot("greeting", ""), new PageSlots.Slot("token", "a.b:c"));
        assertThat(template.literals().stream().map(PageSlotsTests::text).toList())
                .isEqualTo(List.of("", "<p>“Quoted” é</p>", "<p>end</p>", ""));
    }

    @Test
    void escapedOrMalformedMarkersAreText() {
        String escaped = "&lt;!--slot:token:1--&gt;";
        String malformed = "<!--slot:to ken:1-->";
        PageSlots.Template template = PageSlots.parse(bytes(escaped + malformed + PageSlots.marker("token", 2)));
        assertThat(template.slots()).containsExactly(new PageSlots.Slot("token", "2"));
        assertThat(text(template.literals().get(0))).isEqualTo(escaped + malformed);
    }

    @Test
    void joiningFilledSlotsGivesThePageBack() {
        PageSlots.Template template = PageSlots.parse(bytes("<a>" + PageSlots.marker("x", 1) + "</a>ü"));
        byte[] joined = PageSlots.join(template, new byte[][] { bytes("ß") });
        assertThat(text(joined)).isEqualTo("<a>ß</a>ü");
    }

    @Test
    void aKeptPageHoldsThePlaceholdersOfSlotsThatLeaveOneAndKeepsTheOtherMarkers() {
        PageSlot leavesOne = slot("token", argument -> Optional.of("<input data-for=\"" + argument + "\">"));
        PageSlot fillsEveryResponse = slot("number", argument -> Optional.empty());
        PageSlots slots = new PageSlots(List.of(leavesOne, fillsEveryResponse));
        byte[] page = bytes("<p>é</p>" + PageSlots.marker("token", 7) + PageSlots.marker("number", "x")
                + PageSlots.marker("unknown", 1) + "<p>end</p>");

        assertThat(text(slots.withPlaceholders(page))).isEqualTo("<p>é</p><input data-for=\"7\">"
                + PageSlots.marker("number", "x") + PageSlots.marker("unknown", 1) + "<p>end</p>");
        byte[] none = bytes("<p>no slots</p>");
        assertThat(slots.withPlaceholders(none)).isSameAs(none);
    }

    @Test
    void aPageRenderedForOneResponseGetsEachSlotsValueAsItIsRenderedAndNeedsNoSearchAfterwards() {
        PageSlots slots = new PageSlots(List.of(slot("token", argument -> Optional.empty())));
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            // A page that may be kept: markers, and the page is searched for them.
            assertThat(PageSlots.markerOrValue("token", 7)).isEqualTo(PageSlots.marker("token", 7));
            assertThat(PageSlots.markersWritten(request)).isTrue();

            MockHttpServletRequest personal = new MockHttpServletRequest();
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(personal));
            slots.fillAtOnce(personal);
            assertThat(PageSlots.markersWritten(personal)).isFalse();
            assertThat(PageSlots.markerOrValue("token", 7)).isEqualTo("filled");
            assertThat(PageSlots.markersWritten(personal)).isFalse();
            // A slot no one fills stays a marker, and the page is searched (its marker is then left empty).
            assertThat(PageSlots.markerOrValue("unknown", 7)).isEqualTo(PageSlots.marker("unknown", 7));
            assertThat(PageSlots.markersWritten(personal)).isTrue();
        }
        finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static PageSlot slot(String name, Function<String, Optional<String>> placeholder) {
        return new PageSlot() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public String fill(String argument, HttpServletRequest request) {
                return "filled";
            }

            @Override
            public Optional<String> placeholder(String argument) {
                return placeholder.apply(argument);
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
