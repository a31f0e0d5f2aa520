package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * The schedule of an assignment changed from {@code effectiveFrom} on: {@code occurrences} replace every
 * occurrence due at or after that instant; earlier ones are unchanged.
 */
public record HomeworkUpdated(String assignmentId, String clientId, String therapistId, String kind,
                              String timeZone, int version, Instant effectiveFrom, List<Occurrence> occurrences,
                              Instant updatedAt) implements EventData {
    public String subjectId() { return clientId; }
}
