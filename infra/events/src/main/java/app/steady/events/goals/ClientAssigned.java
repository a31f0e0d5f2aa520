package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;

/** An admin assigned a client to a therapist's caseload. Every service keeps its own copy of the caseload. */
public record ClientAssigned(String clientId, String therapistId, Instant assignedAt) implements EventData {
    public String subjectId() { return clientId; }
}
