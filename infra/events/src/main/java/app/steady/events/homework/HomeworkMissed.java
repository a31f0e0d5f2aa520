package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;

/** An occurrence's completion window closed without a completion or skip (detected by homework-service). */
public record HomeworkMissed(String assignmentId, String clientId, String occurrenceId, String kind,
                             Instant dueAt, Instant windowClosedAt) implements EventData {
    public String subjectId() { return clientId; }
}
