package app.steady.goals.caseload.web;

import app.steady.goals.caseload.Caseload;
import app.steady.goals.caseload.CaseloadAssignment;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins place clients on therapists' caseloads. */
@RestController
@RequestMapping("/caseload/clients/{clientId}")
@PreAuthorize("hasRole('ADMIN')")
class CaseloadController {

    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    @PutMapping
    AssignmentView assign(Caller admin, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                          @Valid @RequestBody AssignRequest request) {
        return AssignmentView.of(caseload.assign(admin.tenantId(), clientId, request.therapistId()));
    }

    @DeleteMapping
    AssignmentView unassign(Caller admin, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return caseload.unassign(admin.tenantId(), clientId).map(AssignmentView::of)
                .orElseThrow(() -> new NotFoundException("Caseload assignment of " + clientId));
    }

    @GetMapping
    AssignmentView get(Caller admin, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return caseload.find(admin.tenantId(), clientId).map(AssignmentView::of)
                .orElseThrow(() -> new NotFoundException("Caseload assignment of " + clientId));
    }

    record AssignRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String therapistId) {
    }

    record AssignmentView(String clientId, String therapistId, Instant changedAt) {
        static AssignmentView of(CaseloadAssignment assignment) {
            return new AssignmentView(assignment.clientId(), assignment.therapistId(), assignment.changedAt());
        }
    }
}
