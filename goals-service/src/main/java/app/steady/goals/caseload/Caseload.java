package app.steady.goals.caseload;

import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.outbox.AggregateStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Maintains the caseload and answers who treats whom, for this service's own access checks. */
@Service
public class Caseload implements CaseloadDirectory {

    private final CaseloadAssignments assignments;
    private final AggregateStore store;
    private final Clock clock;

    Caseload(CaseloadAssignments assignments, AggregateStore store, Clock clock) {
        this.assignments = assignments;
        this.store = store;
        this.clock = clock;
    }

    public CaseloadAssignment assign(String tenantId, String clientId, String therapistId) {
        CaseloadAssignment assignment = find(tenantId, clientId)
                .orElseGet(() -> CaseloadAssignment.newFor(tenantId, clientId));
        var events = assignment.assignTo(therapistId, clock.instant());
        if (events.isEmpty()) {
            return assignment;
        }
        return assignment.isStored()
                ? store.update(assignment, tenantId, events)
                : store.insert(assignment, tenantId, events);
    }

    public Optional<CaseloadAssignment> unassign(String tenantId, String clientId) {
        return find(tenantId, clientId).map(assignment -> {
            var events = assignment.unassign(clock.instant());
            return events.isEmpty() ? assignment : store.update(assignment, tenantId, events);
        });
    }

    public Optional<CaseloadAssignment> find(String tenantId, String clientId) {
        return assignments.findById(CaseloadAssignment.idOf(tenantId, clientId));
    }

    /** The clients currently on a therapist's caseload. */
    public List<CaseloadAssignment> clientsOf(String tenantId, String therapistId) {
        return assignments.findByTenantIdAndTherapistIdOrderByClientId(tenantId, therapistId);
    }

    @Override
    public Optional<String> therapistOf(String tenantId, String clientId) {
        return find(tenantId, clientId).map(CaseloadAssignment::therapistId);
    }
}
