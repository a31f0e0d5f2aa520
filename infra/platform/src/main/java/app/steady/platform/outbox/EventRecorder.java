package app.steady.platform.outbox;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventSealer;
import app.steady.platform.observability.TraceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * Turns event data into a {@link PendingEvent}: id, type, topic, tenant, time and the current trace context, with
 * its health fields sealed under the client's data key.
 */
public class EventRecorder {

    private final EventSealer sealer;
    private final TopicNames topics;
    private final TraceContext traceContext;
    private final Clock clock;

    public EventRecorder(EventSealer sealer, TopicNames topics, TraceContext traceContext, Clock clock) {
        this.sealer = sealer;
        this.topics = topics;
        this.traceContext = traceContext;
        this.clock = clock;
    }

    public PendingEvent record(String tenant, EventData data) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("An event needs its tenant");
        }
        EventType type = EventType.of(data);
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), topics.of(type.topic()), tenant,
                data.subjectId(), sealer.write(type, tenant, data), clock.instant(), traceContext.currentTraceparent());
    }
}
