package app.steady.events.goals;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/**
 * The client checked in on a goal. {@code attainmentScore} (-2..+2) is set where the goal has a Goal
 * Attainment Scale, otherwise {@code percentComplete}; {@code clientTScore} is the client's GAS T-score
 * across their active scaled goals after this check-in (null when none is scaled).
 */
public record GoalProgressRecorded(String goalId, String clientId, String therapistId, String checkInId,
                                   @HealthData Integer attainmentScore, @HealthData Integer percentComplete, @HealthData int confidence,
                                   @HealthData Double clientTScore, Instant recordedAt) implements EventData {
    public String subjectId() { return clientId; }
}
