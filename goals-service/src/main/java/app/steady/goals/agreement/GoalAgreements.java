package app.steady.goals.agreement;

import app.steady.goals.caseload.Caseload;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.errors.PreconditionFailedException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Proposing and agreeing goals, for the client themselves or their treating therapist. */
@Service
public class GoalAgreements {

    private final GoalRepository goals;
    private final AggregateStore store;
    private final ClientAccess access;
    private final Caseload caseload;
    private final Clock clock;

    GoalAgreements(GoalRepository goals, AggregateStore store, ClientAccess access, Caseload caseload, Clock clock) {
        this.goals = goals;
        this.store = store;
        this.access = access;
        this.caseload = caseload;
        this.clock = clock;
    }

    public Goal propose(Caller caller, String clientId, GoalContent content) {
        access.requireAccess(caller, clientId);
        String therapistId = caseload.therapistOf(caller.tenantId(), clientId)
                .orElseThrow(() -> new ConflictException("NO_THERAPIST",
                        "Goals are set with a therapist; this client has none assigned yet"));
        Goal goal = Goal.propose(UUID.randomUUID().toString(), caller.tenantId(), clientId, therapistId, content,
                partyOf(caller), clock.instant());
        return store.insert(goal, caller.tenantId(), List.of());
    }

    public Goal agree(Caller caller, String clientId, String goalId, int contentVersion, Long expectedRevision) {
        Goal goal = find(caller, clientId, goalId);
        if (expectedRevision != null && !expectedRevision.equals(goal.revision())) {
            throw new PreconditionFailedException("The goal changed since you read it (now at revision "
                    + goal.revision() + "); read it again");
        }
        var events = goal.agree(partyOf(caller), contentVersion, clock.instant());
        return store.update(goal, caller.tenantId(), events);
    }

    public Goal find(Caller caller, String clientId, String goalId) {
        access.requireAccess(caller, clientId);
        return goals.findByIdAndTenantIdAndClientId(goalId, caller.tenantId(), clientId)
                .orElseThrow(() -> new NotFoundException("Goal " + goalId));
    }

    public List<Goal> ofClient(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return goals.findByTenantIdAndClientIdOrderByProposedAtDesc(caller.tenantId(), clientId);
    }

    private static Party partyOf(Caller caller) {
        return caller.role() == Role.CLIENT ? Party.CLIENT : Party.THERAPIST;
    }
}
