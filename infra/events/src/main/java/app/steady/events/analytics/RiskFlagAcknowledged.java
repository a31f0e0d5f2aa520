package app.steady.events.analytics;

import app.steady.events.EventData;
import java.time.Instant;

public record RiskFlagAcknowledged(String flagId, String clientId, String therapistId, String acknowledgedBy,
                                   Instant acknowledgedAt) implements EventData {
    public String subjectId() { return clientId; }
}
