package app.steady.events.reminders;

import app.steady.events.EventData;
import java.time.Instant;

/** Delivery failed after every retry; {@code reason} is a code (e.g. CHANNEL_REJECTED, TIMEOUT). */
public record ReminderFailed(String reminderId, String clientId, String recipientId, String kind,
                             String channel, String reason, int attempts, Instant failedAt) implements EventData {
    public String subjectId() { return clientId; }
}
