package app.steady.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge limit: a token bucket per caller address, in this gateway instance's memory. It keeps one address from
 * flooding the services before any of them spends a store round trip on it; the services' own limits per user and
 * tenant (shared through their stores, so they hold across instances) stay the fair-use limits. With N gateway
 * instances behind a load balancer an address may reach N times the rate, which is what an edge limit is for: shedding
 * floods, not metering use. Health and metrics are never limited (probes and scrapes must not be refused).
 *
 * <p>The caller address is the connection's, or the one a trusted proxy reports when {@code server.forward-headers-strategy}
 * says so (docs/configuration.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EdgeRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EdgeRateLimit.class);

    private final GatewayProperties.RateLimit limit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Counter limited;
    private final LongSupplier nanoTime;
    private volatile long sweptAt;

    @Autowired
    EdgeRateLimit(GatewayProperties properties, MeterRegistry meters) {
        this(properties.rateLimit(), meters, System::nanoTime);
    }

    EdgeRateLimit(GatewayProperties.RateLimit limit, MeterRegistry meters, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.limited = Counter.builder("steady.gateway.requests.limited")
                .description("Requests the front door refused with 429 because one address sent too many")
                .register(meters);
        meters.gauge("steady.gateway.rate_limit.tracked_callers", buckets, ConcurrentHashMap::size);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limit.enabled() || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= limit.maxTrackedCallers() && now - sweptAt > TimeUnit.SECONDS.toNanos(1)) {
            sweptAt = now;   // at most one sweep a second, so a flood of new addresses cannot make every request O(n)
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> new Bucket(limit.burst(), now));
        long waitNanos = bucket.take(now, limit.requestsPerSecond(), limit.burst());
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        limited.increment();
        if (bucket.startedRefusing()) {
            // Once per episode per address, not once per refused request: a flood must not flood the log too.
            log.warn("Too many requests from {}: refusing it at the edge until it slows down", request.getRemoteAddr());
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Too many requests","status":429,\
                "detail":"Too many requests from this address; retry in %d seconds"}""".formatted(retryAfter));
    }

    /** Drops the buckets that have refilled completely: forgetting them changes nothing for their callers. */
    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isFullAt(now, limit.requestsPerSecond(), limit.burst()));
    }

    /** Tokens and the time they were last counted; one caller's requests update it one at a time. */
    private static final class Bucket {

        private double tokens;
        private long countedAt;
        private boolean refusing;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.countedAt = now;
        }

        /** Takes a token and answers 0, or answers how long until one is there. */
        synchronized long take(long now, int perSecond, int burst) {
            refill(now, perSecond, burst);
            if (tokens >= 1) {
                tokens -= 1;
                refusing = false;
                return 0;
            }
            return (long) ((1 - tokens) * TimeUnit.SECONDS.toNanos(1) / perSecond);
        }

        /** True the first time a request is refused after one was let through. */
        synchronized boolean startedRefusing() {
            boolean started = !refusing;
            refusing = true;
            return started;
        }

        synchronized boolean isFullAt(long now, int perSecond, int burst) {
            refill(now, perSecond, burst);
            return tokens >= burst;
        }

        private void refill(long now, int perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - countedAt) / 1e9 * perSecond);
            countedAt = now;
        }
    }
}
