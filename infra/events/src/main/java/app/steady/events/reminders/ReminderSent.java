package app.steady.events.reminders;

import app.steady.events.EventData;
import java.time.Instant;

public record ReminderSent(String reminderId, String clientId, String recipientId, String kind, String channel,
                           Instant dueAt, Instant sentAt) implements EventData {
    public String subjectId() { return clientId; }
}
