package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;
import java.time.LocalDate;

/** Client and therapist agreed the same version of a goal; it is now active. */
public record GoalSet(String goalId, String clientId, String therapistId, int version, LocalDate targetDate,
                      int weight, boolean attainmentScaled, Instant agreedAt) implements EventData {
    public String subjectId() { return clientId; }
}
