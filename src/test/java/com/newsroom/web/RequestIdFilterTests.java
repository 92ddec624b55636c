package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    @Test
    void theIdIsInTheLoggingContextWhileTheRequestIsServedAndGoneAfterwards() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        var request = new MockHttpServletRequest("GET", "/latest");
        request.addHeader("X-Request-Id", "abc-123");
        var response = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        }) {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(MDC.get(RequestIdFilter.MDC_KEY));
            }
        });
        assertThat(seen.get()).isEqualTo("abc-123");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("abc-123");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
    }

    @Test
    void onlyShortIdsOfLettersDigitsAndDashesAreTaken() {
        assertThat(RequestIdFilter.idFor("Abc-09")).isEqualTo("Abc-09");
        assertThat(RequestIdFilter.idFor("x".repeat(64))).hasSize(64);
        assertThat(RequestIdFilter.idFor("x".repeat(65))).hasSize(36);
        assertThat(RequestIdFilter.idFor("a b")).hasSize(36);
        assertThat(RequestIdFilter.idFor("a\r\nSet-Cookie: x")).hasSize(36);
        assertThat(RequestIdFilter.idFor("")).hasSize(36);
        assertThat(RequestIdFilter.idFor(null)).hasSize(36);
    }
}
