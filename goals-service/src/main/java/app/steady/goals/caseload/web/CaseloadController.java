package app.steady.goals.caseload.web;

import app.steady.goals.caseload.Caseload;
import app.steady.goals.caseload.CaseloadAssignment;
import app.steady.goals.caseload.OnCallContactRequired;
import app.steady.platform.errors.FieldError;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /**
     * The platform's conflict problem, plus the missing setting in {@code errors} as a validation problem names its
     * fields, so an admin tool can point at it.
     */
    @ExceptionHandler(OnCallContactRequired.class)
    ResponseEntity<ProblemDetail> onCallContactRequired(OnCallContactRequired refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("code", refusal.code());
        problem.setProperty("errors", List.of(new FieldError(OnCallContactRequired.FIELD,
                "at least one on-call contact with an e-mail or a pager URL is required (PUT /tenant/safety-settings)")));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    record AssignRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String therapistId) {
    }

    record AssignmentView(String clientId, String therapistId, Instant changedAt) {
        static AssignmentView of(CaseloadAssignment assignment) {
            return new AssignmentView(assignment.clientId(), assignment.therapistId(), assignment.changedAt());
        }
    }
}
