package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.events.reminders.ReminderDue;
import app.steady.reminders.scheduling.Reminder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Delivery as a {@code reminder-due} event for the provider's own push gateway. The event is stored with the
 * reminder's SENT state in one write, so it is published exactly when the reminder counts as sent.
 */
@Component
class KafkaReminderChannel implements ReminderChannel {

    @Override
    public String name() {
        return "KAFKA";
    }

    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) {
        return List.of(new ReminderDue(reminder.idempotencyKey(), reminder.clientId(), reminder.recipientId(),
                reminder.kind().name(), reminder.idempotencyKey(), reminder.dueAt(), reminder.windowClosesAt()));
    }
}
