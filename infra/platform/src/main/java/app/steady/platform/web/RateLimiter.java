package app.steady.platform.web;

import app.steady.platform.privacy.SubjectDigest;
import app.steady.platform.security.Claims;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits requests per caller and per tenant, reads and writes apart, in one-minute windows shared by all instances
 * ({@link RateLimitWindows}); over a limit the answer is 429 with {@code Retry-After}. Only requests that are let
 * through count: the caller's own budget is checked first, and a request refused for the caller never touches the
 * tenant's budget, so one client cannot use up their provider's. If the store cannot be reached the request is let
 * through (and counted in {@code steady.web.rate.limit.unavailable}): the store's own outage is answered elsewhere.
 */
public class RateLimiter implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** The limits per minute. */
    public record Limits(int writesPerCaller, int writesPerTenant, int readsPerCaller, int readsPerTenant) {
    }

    private final RateLimitWindows windows;
    private final SubjectDigest digest;
    private final Limits limits;
    private final MeterRegistry meters;
    private final Counter unavailable;

    public RateLimiter(RateLimitWindows windows, SubjectDigest digest, Limits limits, MeterRegistry meters) {
        this.windows = windows;
        this.digest = digest;
        this.limits = limits;
        this.meters = meters;
        this.unavailable = meters.counter("steady.web.rate.limit.unavailable");
        for (String kind : List.of("read", "write")) {
            for (String scope : List.of("caller", "tenant")) {
                limited(kind, scope);
            }
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return true;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        String kind = read ? "read" : "write";
        String tenant = token.getToken().getClaimAsString(Claims.TENANT);
        // The caller under the keyed digest: the store never holds a user's id (an erased client's included).
        String callerKey = kind + "|caller|" + digest.of(tenant, token.getToken().getSubject());
        String tenantKey = kind + "|tenant|" + tenant;
        long minute = windows.currentMinute();
        try {
            if (!windows.tryAcquire(callerKey, minute, read ? limits.readsPerCaller() : limits.writesPerCaller())) {
                return refuse(response, kind, "caller", "you", minute);
            }
            if (!windows.tryAcquire(tenantKey, minute, read ? limits.readsPerTenant() : limits.writesPerTenant())) {
                windows.release(callerKey, minute);
                return refuse(response, kind, "tenant", "your organisation", minute);
            }
            return true;
        } catch (RuntimeException storeDown) {
            unavailable.increment();
            log.warn("Rate limits cannot be checked ({}); letting the request through", storeDown.toString());
            return true;
        }
    }

    private boolean refuse(HttpServletResponse response, String kind, String scope, String who, long minute)
            throws IOException {
        limited(kind, scope).increment();
        long retryAfter = Math.min(60, windows.secondsLeftIn(minute));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Too many requests","status":429,\
                "detail":"Too many %ss from %s; retry in %d seconds"}""".formatted(kind, who, retryAfter));
        return false;
    }

    private Counter limited(String kind, String scope) {
        return meters.counter("steady.web.requests.limited", "kind", kind, "scope", scope);
    }
}
