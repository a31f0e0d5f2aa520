package app.steady.platform.outbox;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.platform.observability.TraceContext;
import java.time.Clock;
import java.util.UUID;

/** Turns event data into a {@link PendingEvent}: id, type, topic, tenant, time and the current trace context. */
public class EventRecorder {

    private final EventJson json;
    private final TopicNames topics;
    private final TraceContext traceContext;
    private final Clock clock;

    public EventRecorder(EventJson json, TopicNames topics, TraceContext traceContext, Clock clock) {
        this.json = json;
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
                data.subjectId(), json.writeAsString(data), clock.instant(), traceContext.currentTraceparent());
    }
}
