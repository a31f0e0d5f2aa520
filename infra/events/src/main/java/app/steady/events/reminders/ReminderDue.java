package app.steady.events.reminders;

import app.steady.events.EventData;
import java.time.Instant;

/**
 * A reminder for a provider's own push gateway. {@code idempotencyKey} is the same on every retry of the
 * same reminder (client + assignment + occurrence + kind).
 */
public record ReminderDue(String reminderId, String clientId, String recipientId, String kind,
                          String idempotencyKey, Instant dueAt, Instant windowClosesAt) implements EventData {
    public String subjectId() { return clientId; }
}
