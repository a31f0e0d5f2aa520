package app.steady.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EdgeRateLimitTest {

    final AtomicLong clock = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EdgeRateLimit limit = new EdgeRateLimit(new GatewayProperties.RateLimit(true, 2, 3, 100), meters, clock::get);

    @Test
    void anAddressGetsItsBurstThenItsRateAndIsToldWhenToComeBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("10.0.0.1", "/clients/c1/mood").getStatus()).as("request %d of the burst", i + 1).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("10.0.0.1", "/clients/c1/mood");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429");
        assertThat(meters.counter("steady.gateway.requests.limited").count()).isEqualTo(1);

        assertThat(call("10.0.0.2", "/clients/c2/mood").getStatus()).as("another address has its own bucket").isEqualTo(200);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(call("10.0.0.1", "/clients/c1/mood").getStatus()).as("one token back after half a second").isEqualTo(200);
        assertThat(call("10.0.0.1", "/clients/c1/mood").getStatus()).isEqualTo(429);
    }

    @Test
    void healthProbesAndScrapesAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("10.0.0.3", "/actuator/health").getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String address, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
