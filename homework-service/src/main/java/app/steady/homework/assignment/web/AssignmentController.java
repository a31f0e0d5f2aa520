package app.steady.homework.assignment.web;

import app.steady.homework.assignment.Assignment;
import app.steady.homework.assignment.Assignments;
import app.steady.homework.assignment.HomeworkKind;
import app.steady.homework.assignment.Practice;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client's homework: assigning, rescheduling, cancelling, and what became of each occurrence. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/assignments")
class AssignmentController {

    private final Assignments assignments;
    private final java.time.Clock clock;

    AssignmentController(Assignments assignments, java.time.Clock clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<AssignmentView> assign(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                          @Valid @RequestBody AssignRequest request) {
        Assignment assignment = assignments.assign(caller, clientId, request.toPractice(), request.schedule().toSchedule());
        return ResponseEntity.created(URI.create("/clients/" + clientId + "/assignments/" + assignment.id()))
                .eTag(ETags.of(assignment.revision())).body(view(assignment));
    }

    @GetMapping
    List<AssignmentView> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return assignments.ofClient(caller, clientId).stream().map(this::view).toList();
    }

    @GetMapping("/{assignmentId}")
    ResponseEntity<AssignmentView> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                       @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId) {
        return ok(assignments.find(caller, clientId, assignmentId));
    }

    /** Changes the schedule from now on; occurrences already due keep the schedule they had. */
    @PutMapping("/{assignmentId}/schedule")
    ResponseEntity<AssignmentView> reschedule(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                              @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody ScheduleRequest schedule) {
        return ok(assignments.changeSchedule(caller, clientId, assignmentId, ETags.revisionOf(ifMatch), schedule.toSchedule()));
    }

    @DeleteMapping("/{assignmentId}")
    ResponseEntity<AssignmentView> cancel(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                          @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(assignments.cancel(caller, clientId, assignmentId, ETags.revisionOf(ifMatch)));
    }

    /** Idempotent: completing an occurrence twice is one completion. */
    @PutMapping("/{assignmentId}/occurrences/{occurrenceId}/completion")
    ResponseEntity<AssignmentView> complete(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                            @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                            @PathVariable @Pattern(regexp = Ids.PATTERN) String occurrenceId,
                                            @Valid @RequestBody Completion request) {
        return ok(assignments.complete(caller, clientId, assignmentId, occurrenceId, request.helpfulness(),
                request.difficulty()));
    }

    @PutMapping("/{assignmentId}/occurrences/{occurrenceId}/skip")
    ResponseEntity<AssignmentView> skip(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                        @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                        @PathVariable @Pattern(regexp = Ids.PATTERN) String occurrenceId,
                                        @Valid @RequestBody Skip request) {
        return ok(assignments.skip(caller, clientId, assignmentId, occurrenceId, request.reason().name()));
    }

    @PutMapping("/{assignmentId}/occurrences/{occurrenceId}/quality")
    ResponseEntity<AssignmentView> rate(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                        @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                        @PathVariable @Pattern(regexp = Ids.PATTERN) String occurrenceId,
                                        @Valid @RequestBody QualityRating request) {
        return ok(assignments.rateQuality(caller, clientId, assignmentId, occurrenceId, request.rating()));
    }

    /** Occurrences with their outcomes between two instants (default: the last 28 days), for history views. */
    @GetMapping("/{assignmentId}/occurrences")
    List<OccurrenceView> occurrences(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN) String assignmentId,
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to) {
        Instant now = clock.instant();
        Instant until = to == null ? now : to;
        Instant since = from == null ? until.minus(java.time.Duration.ofDays(28)) : from;
        if (java.time.Duration.between(since, until).toDays() > 366 || since.isAfter(until)) {
            throw new app.steady.platform.errors.InvalidRequestException("from", "from must be before to, at most a year apart");
        }
        Assignment assignment = assignments.find(caller, clientId, assignmentId);
        return OccurrenceView.of(assignment, assignment.occurrencesBetween(since, until), now);
    }

    private ResponseEntity<AssignmentView> ok(Assignment assignment) {
        return ResponseEntity.ok().eTag(ETags.of(assignment.revision())).body(view(assignment));
    }

    private AssignmentView view(Assignment assignment) {
        return AssignmentView.of(assignment, clock.instant());
    }

    record AssignRequest(@NotNull HomeworkKind kind, @NotBlank @Size(max = 200) String title,
                         @Size(max = 4000) String instructions, @NotNull @Min(1) @Max(240) Integer expectedMinutes,
                         @Pattern(regexp = Ids.PATTERN) String techniqueId, @Pattern(regexp = Ids.PATTERN) String goalId,
                         @Pattern(regexp = "PHQ-9|GAD-7") String measure, @NotNull @Valid ScheduleRequest schedule) {
        Practice toPractice() {
            if (kind == HomeworkKind.QUESTIONNAIRE && measure == null) {
                throw new app.steady.platform.errors.InvalidRequestException("measure", "required for a questionnaire");
            }
            return new Practice(kind, title, instructions, expectedMinutes, techniqueId, goalId, measure);
        }
    }

    record Completion(@Min(1) @Max(5) Integer helpfulness, @Min(1) @Max(5) Integer difficulty) {
    }

    record Skip(@NotNull SkipReason reason) {
    }

    enum SkipReason {
        NOT_WELL, NO_TIME, NOT_HELPFUL, TOO_HARD, FORGOT, OTHER
    }

    record QualityRating(@NotNull @Min(1) @Max(5) Integer rating) {
    }
}
