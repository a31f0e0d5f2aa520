package app.steady.analytics.goals;

import app.steady.platform.consuming.Projection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;

/** One client's goals by id, with the status each last reached. */
@Document("client_goals")
public class ClientGoals extends Projection {

    private String tenantId;
    private String clientId;
    private Map<String, TrackedGoal> goals = new HashMap<>();
    private Double attainmentTScore;
    private Instant progressAt;

    protected ClientGoals() {
    }

    ClientGoals(String id, String tenantId, String clientId) {
        super(id);
        this.tenantId = tenantId;
        this.clientId = clientId;
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    /** Records a goal's new status, unless an event that happened later already set it (events may be replayed). */
    void track(String goalId, TrackedGoal.Status status, Instant at) {
        TrackedGoal current = goals.get(goalId);
        if (current == null || !current.since().isAfter(at)) {
            goals.put(goalId, new TrackedGoal(status, at));
        }
    }

    /** The client's GAS T-score as of their latest check-in (as goals-service computed it); later check-ins win. */
    void progress(Double tScore, Instant at) {
        if (progressAt == null || !at.isBefore(progressAt)) {
            attainmentTScore = tScore;
            progressAt = at;
        }
    }

    public Double attainmentTScore() {
        return attainmentTScore;
    }

    public long count(TrackedGoal.Status status) {
        return goals.values().stream().filter(goal -> goal.status() == status).count();
    }

    public String clientId() {
        return clientId;
    }

    public String tenantId() {
        return tenantId;
    }
}
