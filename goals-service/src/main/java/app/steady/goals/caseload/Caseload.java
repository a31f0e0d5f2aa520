package app.steady.goals.caseload;

import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.privacy.ErasedClients;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.platform.store.KeyedReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Maintains the caseload and answers who treats whom, for this service's own access checks. */
@Service
public class Caseload implements CaseloadDirectory {

    private final CaseloadAssignments assignments;
    private final AggregateStore store;
    private final ErasedClients erasedClients;
    private final TenantSafetyDirectory safety;
    private final MeterRegistry meters;
    private final Clock clock;
    private final MongoTemplate mongo;
    private final KeyedReads keyedReads;
    private final TherapistClientLists lists;

    Caseload(CaseloadAssignments assignments, AggregateStore store, ErasedClients erasedClients,
             TenantSafetyDirectory safety, MeterRegistry meters, Clock clock, MongoTemplate mongo,
             KeyedReads keyedReads, TherapistClientLists lists) {
        this.lists = lists;
        this.assignments = assignments;
        this.store = store;
        this.erasedClients = erasedClients;
        this.safety = safety;
        this.meters = meters;
        this.clock = clock;
        this.mongo = mongo;
        this.keyedReads = keyedReads;
        refusals(OnCallContactRequired.CODE); // present from the start, so an alert can compare it with zero
    }

    /**
     * Places a client on a therapist's caseload.
     *
     * @throws ConflictException CLIENT_ID_IN_USE when another tenant has a client of that id (ids are unique across
     *                           tenants: every service checks an event's tenant against its client's), CLIENT_ERASED when
     *                           the client was erased (every service ignores an erased client's events)
     * @throws OnCallContactRequired while the tenant has no reachable on-call contact
     */
    public CaseloadAssignment assign(String tenantId, String clientId, String therapistId) {
        if (!tenantsOf(List.of(clientId)).getOrDefault(clientId, Set.of(tenantId)).contains(tenantId)) {
            throw refused(new ConflictException("CLIENT_ID_IN_USE", "Client id " + clientId + " belongs to another provider"));
        }
        if (erasedClients.isErased(tenantId, clientId)) {
            throw refused(new ConflictException("CLIENT_ERASED", "Client " + clientId + " was erased; a new client needs a new id"));
        }
        if (safety.of(tenantId).filter(TenantSafetySettings::hasReachableOnCall).isEmpty()) {
            throw refused(new OnCallContactRequired());
        }
        CaseloadAssignment assignment = find(tenantId, clientId)
                .orElseGet(() -> CaseloadAssignment.newFor(tenantId, clientId));
        String former = assignment.therapistId();
        var events = assignment.assignTo(therapistId, clock.instant());
        if (events.isEmpty()) {
            return assignment;
        }
        // Listed before the assignment is written, unlisted from the former therapist after: never a missing name.
        lists.list(tenantId, therapistId, clientId);
        if (assignment.isStored()) {
            CaseloadAssignment stored = store.update(assignment, tenantId, events);
            if (former != null && !former.equals(therapistId)) {
                lists.unlist(tenantId, former, clientId);
            }
            return stored;
        }
        try {
            return store.insert(assignment, tenantId, events);
        } catch (DuplicateKeyException raced) {
            // Another request stored this client id first: from this tenant (then this is an update now) or from
            // another (then it is refused as in use). Checked again from the top.
            return assign(tenantId, clientId, therapistId);
        }
    }

    private ConflictException refused(ConflictException refusal) {
        refusals(refusal.code()).increment();
        return refusal;
    }

    /** Assignments refused, by reason (a problem code): never anything about the client. */
    private Counter refusals(String reason) {
        return Counter.builder("steady.goals.assignments.refused").description("Caseload assignments refused, by reason")
                .tag("reason", reason).register(meters);
    }

    public Optional<CaseloadAssignment> unassign(String tenantId, String clientId) {
        return find(tenantId, clientId).map(assignment -> {
            String former = assignment.therapistId();
            var events = assignment.unassign(clock.instant());
            if (events.isEmpty()) {
                return assignment;
            }
            CaseloadAssignment stored = store.update(assignment, tenantId, events);
            if (former != null) {
                lists.unlist(tenantId, former, clientId);
            }
            return stored;
        });
    }

    public Optional<CaseloadAssignment> find(String tenantId, String clientId) {
        return assignments.findById(CaseloadAssignment.idOf(tenantId, clientId));
    }

    /** The clients currently on a therapist's caseload. */
    public List<CaseloadAssignment> clientsOf(String tenantId, String therapistId) {
        return lists.of(tenantId, therapistId).stream()
                .sorted(Comparator.comparing(CaseloadAssignment::clientId)).toList();
    }

    @Override
    public Map<String, Set<String>> tenantsOf(Collection<String> clientIds) {
        // Client ids are unique across tenants (a unique index): one lookup each on the embedded store, one $in on MongoDB.
        return keyedReads.whereIn(mongo, "clientId", clientIds, CaseloadAssignment.class, "caseload").stream()
                .collect(Collectors.groupingBy(
                CaseloadAssignment::clientId, Collectors.mapping(CaseloadAssignment::tenantId, Collectors.toSet())));
    }

    @Override
    public Optional<String> therapistOf(String tenantId, String clientId) {
        return find(tenantId, clientId).map(CaseloadAssignment::therapistId);
    }
}
