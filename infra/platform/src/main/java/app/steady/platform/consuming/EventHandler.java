package app.steady.platform.consuming;

import app.steady.events.EventType;
import java.util.List;
import java.util.Set;

/**
 * A feature's reaction to events; a service may have several. The platform reads the topics the service lists in
 * {@code spring.cloud.stream.bindings.steadyEvents-in-0.destination} and gives each handler the events of its types.
 *
 * <p>Must be idempotent: a batch may be delivered again after a failure or a restart, and the topics may be
 * replayed. Record applied events in a {@link ConsumptionLedger} in the same document write as their effect.
 * Throwing fails the batch; the platform then isolates the event that fails, retries it with back-off and
 * dead-letters it if it keeps failing (unless the store itself is unreachable: then it waits and retries).
 */
public interface EventHandler {

    /** The event types this service reacts to; other known types on its topics are skipped silently. */
    Set<EventType> handledTypes();

    /** Applies a batch of events, in the order they were read (per client, the order they happened). */
    void handle(List<ReceivedEvent<?>> events);
}
