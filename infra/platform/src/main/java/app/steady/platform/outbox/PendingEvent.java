package app.steady.platform.outbox;

import java.time.Instant;

/**
 * An event waiting inside its aggregate's document ({@value OutboxFields#EVENTS} array) to be published.
 * {@code data} is the event's JSON, serialized when the event was accepted.
 */
public record PendingEvent(String id, String type, String topic, String tenant, String subject, String data,
                           Instant occurredAt, String traceparent) {
}
