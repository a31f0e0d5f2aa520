package app.steady.events.analytics;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;
import java.util.List;

/**
 * Context for a clinician, not a diagnosis: an early sign of distress with the evidence behind it.
 * {@code kind} e.g. SAFETY_ITEM, RELIABLE_DETERIORATION, LOW_MOOD, MISSED_HOMEWORK, DISENGAGEMENT;
 * {@code priority} HIGH or ROUTINE.
 */
public record RiskFlagRaised(String flagId, String clientId, String therapistId, @HealthData String kind, @HealthData String priority,
                             @HealthData List<String> evidence, Instant raisedAt) implements EventData {
    public String subjectId() { return clientId; }
}
