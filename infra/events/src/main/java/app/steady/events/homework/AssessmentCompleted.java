package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;
import java.util.List;

/**
 * A standard questionnaire was completed. {@code measure} names it in the measure registry (PHQ-9, GAD-7);
 * {@code band} is its severity band; {@code safetySignal} is set when an item that screens for risk (PHQ-9
 * item 9) scored at or above its threshold.
 */
public record AssessmentCompleted(String assessmentId, String clientId, String occurrenceId, @HealthData String measure,
                                  @HealthData List<Integer> itemScores, @HealthData int total, @HealthData String band, @HealthData boolean safetySignal,
                                  Instant completedAt) implements EventData {
    public String subjectId() { return clientId; }
}
