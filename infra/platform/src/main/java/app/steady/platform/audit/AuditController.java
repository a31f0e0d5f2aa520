package app.steady.platform.audit;

import app.steady.platform.security.Caller;
import app.steady.platform.web.DeprecatedPaths;
import app.steady.platform.web.Ids;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's audit trail for its tenant's admins (admin-only at the filter: /audit/**), at {@code /audit/<service>}
 * (e.g. {@code /audit/goals-service}): every service keeps a trail of its own, and one path per service lets the front
 * door route each to its service.
 */
@RestController
@Validated
public class AuditController {

    private final AuditTrail trail;
    private final String service;

    public AuditController(AuditTrail trail, @Value("${spring.application.name}") String service) {
        this.trail = trail;
        this.service = service;
    }

    @GetMapping("/audit/${spring.application.name}")
    public List<AuditEntry> entries(Caller admin,
                                    @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String clientId,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return trail.of(admin.tenantId(), clientId, from, to, page, size);
    }

    /**
     * The same at its old path, which all four services claimed, so no single origin could route it.
     *
     * @deprecated since the front-door release; use {@code /audit/<service>}. Removed one release later.
     */
    @Deprecated
    @GetMapping("/audit")
    public List<AuditEntry> entriesAtTheOldPath(Caller admin,
                                                @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String clientId,
                                                @RequestParam(required = false) Instant from,
                                                @RequestParam(required = false) Instant to,
                                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size,
                                                HttpServletResponse response) {
        DeprecatedPaths.markReplacedBy(response, "/audit/" + service);
        return entries(admin, clientId, from, to, page, size);
    }
}
