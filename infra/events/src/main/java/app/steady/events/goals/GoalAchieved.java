package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;

public record GoalAchieved(String goalId, String clientId, String therapistId, Instant achievedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
