package app.steady.platform.audit;

import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service's audit trail for its tenant's admins (admin-only at the filter: /audit). */
@RestController
@Validated
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    public List<AuditEntry> entries(Caller admin,
                                    @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String clientId,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return trail.of(admin.tenantId(), clientId, from, to, page, size);
    }
}
