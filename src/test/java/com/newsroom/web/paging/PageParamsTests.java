package com.newsroom.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.newsroom.web.BadRequestException;

class PageParamsTests {

    @Test
    void missingParametersMeanTheFirstPage() {
        assertThat(PageParams.of(null, null, null).isFirst()).isTrue();
        assertThat(PageParams.of("", " ", "").isFirst()).isTrue();
    }

    @Test
    void cursorsSurviveARoundTripToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T10:15:30.123456789Z"), 42);
        Cursor parsed = Cursor.parse(cursor.token());
        assertThat(parsed).isEqualTo(cursor);
        assertThat(parsed.at()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(PageParams.of("3", cursor.token(), null).after()).isEqualTo(cursor);
    }

    @Test
    void malformedInputIsABadRequest() {
        for (String page : new String[] { "0", "-1", "abc", "1.5", "99999999", "1e3" }) {
            assertThatThrownBy(() -> PageParams.of(page, null, null)).as(page)
                    .isInstanceOf(BadRequestException.class);
        }
        assertThatThrownBy(() -> PageParams.of("2", "nonsense", null)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> PageParams.of("2", "1-1", "1-1")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Cursor.parse("99999999999999999999-1")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void linksCarryCursorsAndThePageBeforeTheSecondIsTheBareListing() {
        Cursor first = new Cursor(Instant.parse("2026-11-25T10:00:00Z"), 9);
        Cursor last = new Cursor(Instant.parse("2026-11-24T10:00:00Z"), 3);
        Listing<String> second = Listing.of(java.util.List.of("a"), 2, first, last, true);
        assertThat(second.nextQuery()).isEqualTo("page=3&after=" + last.token());
        assertThat(second.previousQuery()).isEmpty();
        Listing<String> fifth = Listing.of(java.util.List.of("a"), 5, first, last, false);
        assertThat(fifth.hasNext()).isFalse();
        assertThat(fifth.previousQuery()).isEqualTo("page=4&before=" + first.token());
    }
}
