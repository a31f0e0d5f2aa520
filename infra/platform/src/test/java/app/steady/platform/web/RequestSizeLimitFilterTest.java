package app.steady.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * Issue 16, defect 7: the filter trusted the declared length, so a body that declared none (neither Content-Length nor
 * chunked: read until the connection closes) reached the JSON parser whatever its size.
 */
class RequestSizeLimitFilterTest {

    final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(DataSize.ofKilobytes(64));

    @Test
    void aBodyWithoutADeclaredLengthIsReadOnlyUpToTheLimitAndRefusedBeyondIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<HttpServletRequest> reached = new AtomicReference<>();

        filter.doFilter(undeclared("{\"title\":\"" + "x".repeat(200_000) + "\"}"), response,
                (request, ignored) -> reached.set((HttpServletRequest) request));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(reached.get()).as("nothing behind the filter saw it").isNull();
    }

    @Test
    void aSmallBodyWithoutADeclaredLengthIsPassedOnWhole() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> body = new AtomicReference<>();

        filter.doFilter(undeclared("{\"title\":\"Walk\"}"), response, (request, ignored) ->
                body.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.get()).isEqualTo("{\"title\":\"Walk\"}");
    }

    /** A POST whose length is not declared (as over HTTP/1.0 or a connection read to its end). */
    private static HttpServletRequest undeclared(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/clients/c-1/goals");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return new HttpServletRequestWrapper(request) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }
}
