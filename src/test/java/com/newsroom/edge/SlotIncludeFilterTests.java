package com.newsroom.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.newsroom.cache.PageSlot;
import com.newsroom.cache.PageSlots;

/** The slot answers, before the rest of the site: a value, a 404, or during a database outage a 503. */
class SlotIncludeFilterTests {

    @Test
    void aSlotAnswersItsValueForNobodyToKeep() throws Exception {
        MockHttpServletResponse response = fetch(argument -> "<input value=\"" + argument + "\">", "/slots/token");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("<input value=\"42\">");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store, private");
    }

    @Test
    void aSlotThatNeedsTheDatabaseWhileItIsOutAnswers503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = fetch(argument -> {
            throw new CannotGetJdbcConnectionException("Connection refused");
        }, "/slots/token");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store, private");
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void anyOtherFailureIsLeftToTheSitesErrorHandling() {
        assertThatThrownBy(() -> fetch(argument -> {
            throw new IllegalStateException("a bug");
        }, "/slots/token")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noSuchSlotIsNotFound() throws Exception {
        assertThat(fetch(argument -> "x", "/slots/other").getStatus()).isEqualTo(404);
    }

    private static MockHttpServletResponse fetch(Function<String, String> value, String path) throws Exception {
        PageSlot slot = new PageSlot() {

            @Override
            public String name() {
                return "token";
            }

            @Override
            public String fill(String argument, HttpServletRequest request) {
                return value.apply(argument);
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setParameter("argument", "42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SlotIncludes.SlotIncludeFilter(new PageSlots(List.of(slot))).doFilter(request, response, new MockFilterChain());
        return response;
    }
}
