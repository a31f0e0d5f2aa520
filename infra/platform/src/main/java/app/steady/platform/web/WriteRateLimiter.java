package app.steady.platform.web;

import app.steady.platform.security.Claims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits writes (POST, PUT, PATCH, DELETE) per caller and per tenant with fixed one-minute windows; over the limit the
 * answer is 429 with {@code Retry-After}. Counts are kept per instance, so a deployment's effective limit is the
 * configured one times its replicas (a shared store would make it exact at the cost of a round trip per write).
 */
public class WriteRateLimiter implements HandlerInterceptor {

    private final int perCaller;
    private final int perTenant;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public WriteRateLimiter(int perCallerPerMinute, int perTenantPerMinute, Clock clock) {
        this.perCaller = perCallerPerMinute;
        this.perTenant = perTenantPerMinute;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return true;
        }
        String tenant = token.getToken().getClaimAsString(Claims.TENANT);
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute < minute);
        }
        boolean callerOver = count("caller:" + tenant + ":" + token.getToken().getSubject(), minute) > perCaller;
        boolean tenantOver = count("tenant:" + tenant, minute) > perTenant;
        if (!callerOver && !tenantOver) {
            return true;
        }
        long retryAfter = Math.max(1, Duration.ofMillis((minute + 1) * 60_000 - clock.millis()).toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Too many requests","status":429,\
                "detail":"Too many writes from %s; retry in %d seconds"}""".formatted(callerOver ? "you" : "your organisation", retryAfter));
        return false;
    }

    private int count(String key, long minute) {
        return windows.compute(key, (k, window) -> window == null || window.minute != minute
                ? new Window(minute, 1) : new Window(minute, window.count + 1)).count;
    }

    private record Window(long minute, int count) {
    }
}
