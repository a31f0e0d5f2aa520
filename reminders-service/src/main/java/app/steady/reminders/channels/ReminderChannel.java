package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.reminders.scheduling.Reminder;
import java.util.List;

/** A way to reach a client. */
public interface ReminderChannel {

    /** The channel's name in configuration, metrics and the reminder's life cycle (e.g. WEBHOOK, KAFKA). */
    String name();

    /**
     * Delivers the reminder, or throws if it could not be delivered (it is then retried with back-off).
     *
     * @return events to publish with the reminder's SENT state in the same write (the Kafka channel's delivery)
     */
    List<EventData> deliver(Reminder reminder, ChannelSettings settings) throws Exception;
}
