package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;

/** A new version of the client's wellness plan was agreed. The plan's text stays in goals-service. */
public record WellnessPlanUpdated(String planId, String clientId, int version, Instant updatedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
