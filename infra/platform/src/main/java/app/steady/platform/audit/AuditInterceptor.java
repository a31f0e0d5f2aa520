package app.steady.platform.audit;

import app.steady.platform.security.Caller;
import app.steady.platform.security.Claims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import app.steady.events.privacy.ClientRecordAccessed;
import app.steady.platform.outbox.AggregateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every authenticated request about a client ({clientId} in the path) made by anyone but that client, in
 * the audit store and, in the same write, as a client-record-accessed event for the tenant's audit archive.
 */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AggregateStore store;
    private final String service;
    private final Clock clock;

    public AuditInterceptor(AggregateStore store, String service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String clientId = variables == null ? null : variables.get("clientId");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (clientId == null || !(authentication instanceof JwtAuthenticationToken token)) {
            return;
        }
        Caller caller = new Caller(token.getToken().getClaimAsString(Claims.TENANT), token.getToken().getSubject(),
                app.steady.platform.security.Role.valueOf(token.getToken().getClaimAsString(Claims.ROLE)));
        if (caller.isClient(clientId)) {
            return;
        }
        int status = response.getStatus();
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), caller.tenantId(), caller.userId(),
                    caller.role().name(), clientId, request.getMethod() + " " + pattern, clock.instant(),
                    request.getRemoteAddr(), status, status < 400 ? "ALLOWED" : "DENIED", null);
            store.insert(entry, caller.tenantId(), List.of(new ClientRecordAccessed(entry.id(), clientId, service,
                    entry.actorId(), entry.actorRole(), entry.action(), status, entry.outcome(), entry.remoteAddress(),
                    entry.at())));
        } catch (RuntimeException e) {
            // The response has been sent; an audit write that fails must be loud, it cannot undo the access.
            log.error("Could not record audit entry for {} {} on client {}", request.getMethod(), pattern, clientId, e);
        }
    }
}
