package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * A therapist assigned homework (or a client chose practice for themselves). {@code occurrences} are those
 * due within the scheduling horizon; later ones follow in {@link HomeworkUpdated} events as the horizon moves.
 */
public record HomeworkAssigned(String assignmentId, String clientId, String therapistId, String goalId,
                               String kind, String timeZone, int version, List<Occurrence> occurrences,
                               Instant assignedAt) implements EventData {
    public String subjectId() { return clientId; }
}
