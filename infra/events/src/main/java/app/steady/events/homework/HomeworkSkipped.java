package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/** The client chose to skip an occurrence; {@code reason} is a code, not their words. */
public record HomeworkSkipped(String assignmentId, String clientId, String occurrenceId, String kind,
                              Instant dueAt, @HealthData String reason, Instant skippedAt) implements EventData {
    public String subjectId() { return clientId; }
}
