package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/**
 * An occurrence was completed. {@code late} means after its completion window closed (still accepted for a while);
 * {@code helpfulness} (1-5) and {@code difficulty} (1-5) are optional.
 */
public record HomeworkCompleted(String assignmentId, String clientId, String occurrenceId, String kind,
                                Instant dueAt, Instant completedAt, boolean late, @HealthData Integer helpfulness,
                                @HealthData Integer difficulty) implements EventData {
    public String subjectId() { return clientId; }
}
