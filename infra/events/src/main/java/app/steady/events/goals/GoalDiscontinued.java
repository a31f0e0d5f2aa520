package app.steady.events.goals;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/** A goal was stopped. {@code reason} is a code (e.g. NO_LONGER_RELEVANT), never the client's own words. */
public record GoalDiscontinued(String goalId, String clientId, String therapistId, @HealthData String reason,
                               Instant discontinuedAt) implements EventData {
    public String subjectId() { return clientId; }
}
