package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;
import java.time.LocalDate;

/** An agreed goal was revised into a new agreed version; the history stays with goals-service. */
public record GoalRevised(String goalId, String clientId, String therapistId, int previousVersion, int version,
                          LocalDate targetDate, int weight, boolean attainmentScaled, Instant revisedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
