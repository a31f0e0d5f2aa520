package app.steady.platform.consuming;

import app.steady.events.EventData;
import app.steady.events.EventType;
import java.time.Instant;

/**
 * An event as a consumer sees it: the CloudEvents attributes, its typed data, and where it was read from.
 */
public record ReceivedEvent<T extends EventData>(String id, EventType type, String source, String subject,
                                                 String tenant, Instant time, String traceparent, T data,
                                                 String topic, int partition, long offset) {

    /** Where this event sits in Kafka, for logs and dead letters. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
