package app.steady.platform.caseload;

import app.steady.platform.security.Claims;
import app.steady.platform.security.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a therapist's read of a client's information with 503 while this service's copy of the caseload may be
 * behind goals-service by more than the bound: an unassignment it has not seen yet must not let a former therapist
 * go on reading (issue 16). Clients reading their own information, and writes (which go through the outbox and are
 * checked again), are not affected.
 */
public class StaleCaseloadGuard implements HandlerInterceptor {

    private final CaseloadFreshness freshness;
    private final Counter refused;

    public StaleCaseloadGuard(CaseloadFreshness freshness, MeterRegistry meters) {
        this.freshness = freshness;
        this.refused = meters.counter("steady.caseload.stale.refusals");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || freshness.isCurrent()) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !Role.THERAPIST.name().equals(token.getToken().getClaimAsString(Claims.ROLE))) {
            return true;
        }
        refused.increment();
        long retryAfter = Math.max(1, freshness.maxStaleness().toSeconds() / 4);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Caseload not current","status":503,"code":"CASELOAD_STALE",\
                "detail":"This service may not yet know of recent changes to caseloads (more than %d seconds behind), \
                so it does not show clients' information to therapists until it has caught up; retry in %d seconds"}"""
                .formatted(freshness.maxStaleness().toSeconds(), retryAfter));
        return false;
    }
}
