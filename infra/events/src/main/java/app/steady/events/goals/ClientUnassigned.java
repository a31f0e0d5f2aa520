package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;

/** An admin removed a client from a therapist's caseload. */
public record ClientUnassigned(String clientId, String therapistId, Instant unassignedAt) implements EventData {
    public String subjectId() { return clientId; }
}
