package app.steady.homework.assignment;

import app.steady.events.EventData;
import app.steady.homework.schedule.Schedule;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.web.ETags;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Use cases of homework: assigning (the therapist, or the client choosing practice for themselves), changing the
 * schedule, cancelling, completing, skipping, rating. Every change is written with its events in one document write.
 */
@Service
public class Assignments {

    private final AssignmentRepository assignments;
    private final AggregateStore store;
    private final ClientAccess access;
    private final CaseloadDirectory caseload;
    private final HomeworkProperties properties;
    private final Clock clock;

    Assignments(AssignmentRepository assignments, AggregateStore store, ClientAccess access, CaseloadDirectory caseload,
                HomeworkProperties properties, Clock clock) {
        this.assignments = assignments;
        this.store = store;
        this.access = access;
        this.caseload = caseload;
        this.properties = properties;
        this.clock = clock;
    }

    public Assignment assign(Caller caller, String clientId, Practice practice, Schedule schedule) {
        access.requireAccess(caller, clientId);
        String therapistId = caseload.therapistOf(caller.tenantId(), clientId)
                .orElseThrow(() -> new ConflictException("NO_THERAPIST", "This client has no therapist assigned yet"));
        Assignment assignment = Assignment.assign(UUID.randomUUID().toString(), caller.tenantId(), clientId, therapistId,
                caller.role().name(), practice, schedule, clock.instant(), properties.horizon());
        return store.insert(assignment, caller.tenantId(), assignment.assigned());
    }

    public Assignment changeSchedule(Caller caller, String clientId, String assignmentId, Long ifMatch, Schedule schedule) {
        return change(caller, clientId, assignmentId, ifMatch,
                a -> a.changeSchedule(schedule, clock.instant(), properties.horizon()));
    }

    public Assignment cancel(Caller caller, String clientId, String assignmentId, Long ifMatch) {
        return change(caller, clientId, assignmentId, ifMatch, a -> a.cancel(clock.instant()));
    }

    public Assignment complete(Caller caller, String clientId, String assignmentId, String occurrenceId,
                               Integer helpfulness, Integer difficulty) {
        access.requireClientThemselves(caller, clientId, "Homework is completed by the client");
        return change(caller, clientId, assignmentId, null,
                a -> a.complete(occurrenceId, helpfulness, difficulty, clock.instant()));
    }

    /**
     * Completes the occurrence a mood check-in, journal entry or questionnaire answers, when the caller names one
     * (both ids given); completing is idempotent, so a retried entry completes it once.
     */
    public void completeAnsweredOccurrence(Caller caller, String clientId, String assignmentId, String occurrenceId) {
        if (assignmentId != null && occurrenceId != null) {
            complete(caller, clientId, assignmentId, occurrenceId, null, null);
        }
    }

    public Assignment skip(Caller caller, String clientId, String assignmentId, String occurrenceId, String reason) {
        access.requireClientThemselves(caller, clientId, "Homework is skipped by the client");
        return change(caller, clientId, assignmentId, null, a -> a.skip(occurrenceId, reason, clock.instant()));
    }

    public Assignment rateQuality(Caller caller, String clientId, String assignmentId, String occurrenceId, int rating) {
        if (caller.role() != Role.THERAPIST) {
            access.requireAccess(caller, clientId);
            throw new AccessDeniedException("The therapist rates the quality of homework");
        }
        return change(caller, clientId, assignmentId, null, a -> a.rateQuality(occurrenceId, rating, clock.instant()));
    }

    public Assignment find(Caller caller, String clientId, String assignmentId) {
        access.requireAccess(caller, clientId);
        return assignments.findByIdAndTenantIdAndClientId(assignmentId, caller.tenantId(), clientId)
                .orElseThrow(() -> new NotFoundException("Assignment " + assignmentId));
    }

    public List<Assignment> ofClient(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return assignments.findByTenantIdAndClientIdOrderByAssignedAtDesc(caller.tenantId(), clientId);
    }

    public List<Assignment> activeOfClient(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return assignments.findByTenantIdAndClientIdAndStatus(caller.tenantId(), clientId, Assignment.Status.ACTIVE);
    }

    private Assignment change(Caller caller, String clientId, String assignmentId, Long ifMatch,
                              Function<Assignment, List<EventData>> change) {
        Assignment assignment = find(caller, clientId, assignmentId);
        ETags.requireCurrent(ifMatch, assignment.revision(), "assignment");
        return store.update(assignment, caller.tenantId(), change.apply(assignment));
    }
}
