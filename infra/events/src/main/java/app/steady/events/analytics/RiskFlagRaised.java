package app.steady.events.analytics;

import app.steady.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * Context for a clinician, not a diagnosis: an early sign of distress with the evidence behind it.
 * {@code kind} e.g. SAFETY_ITEM, RELIABLE_DETERIORATION, LOW_MOOD, MISSED_HOMEWORK, DISENGAGEMENT;
 * {@code priority} HIGH or ROUTINE.
 */
public record RiskFlagRaised(String flagId, String clientId, String therapistId, String kind, String priority,
                             List<String> evidence, Instant raisedAt) implements EventData {
    public String subjectId() { return clientId; }
}
