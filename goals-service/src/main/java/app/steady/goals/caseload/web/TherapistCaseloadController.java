package app.steady.goals.caseload.web;

import app.steady.goals.caseload.Caseload;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who is on a therapist's caseload: for the therapist themselves, and for their tenant's admins. */
@RestController
@Validated
class TherapistCaseloadController {

    private final Caseload caseload;

    TherapistCaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    @GetMapping("/caseload/therapists/{therapistId}/clients")
    List<String> clientsOf(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String therapistId) {
        boolean themselves = caller.role() == Role.THERAPIST && caller.userId().equals(therapistId);
        if (!themselves && caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only the therapist and their admins see a caseload");
        }
        return caseload.clientsOf(caller.tenantId(), therapistId).stream().map(a -> a.clientId()).toList();
    }
}
