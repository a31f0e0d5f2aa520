package app.steady.platform.audit;

import app.steady.platform.security.Caller;
import app.steady.platform.security.Claims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** Records every authenticated request about a client ({clientId} in the path) made by anyone but that client. */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditInterceptor(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
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
            mongo.insert(new AuditEntry(UUID.randomUUID().toString(), caller.tenantId(), caller.userId(),
                    caller.role().name(), clientId, request.getMethod() + " " + pattern, clock.instant(),
                    request.getRemoteAddr(), status, status < 400 ? "ALLOWED" : "DENIED"));
        } catch (RuntimeException e) {
            // The response has been sent; an audit write that fails must be loud, it cannot undo the access.
            log.error("Could not record audit entry for {} {} on client {}", request.getMethod(), pattern, clientId, e);
        }
    }
}
