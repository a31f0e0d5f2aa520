package app.steady.analytics.goals;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import org.springframework.stereotype.Service;

/** Goal counts of one client, for the client and their therapist. */
@Service
public class ClientGoalSummaries {

    private final ClientGoalsRepository repository;
    private final ClientAccess access;

    ClientGoalSummaries(ClientGoalsRepository repository, ClientAccess access) {
        this.repository = repository;
        this.access = access;
    }

    public GoalCounts of(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return repository.findById(ClientGoals.idOf(caller.tenantId(), clientId))
                .map(goals -> new GoalCounts(goals.count(TrackedGoal.Status.ACTIVE),
                        goals.count(TrackedGoal.Status.ACHIEVED), goals.count(TrackedGoal.Status.DISCONTINUED),
                        goals.attainmentTScore()))
                .orElse(new GoalCounts(0, 0, 0, null));
    }

    /** Goal counts by status, and the client's GAS T-score after their latest check-in (null before any). */
    public record GoalCounts(long active, long achieved, long discontinued, Double attainmentTScore) {
    }
}
