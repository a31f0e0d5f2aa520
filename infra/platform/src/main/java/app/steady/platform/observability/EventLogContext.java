package app.steady.platform.observability;

import app.steady.platform.consuming.ReceivedEvent;
import org.slf4j.MDC;

/**
 * Puts an event's id, type and trace id into the logging context while it is handled, so every log line about
 * it can be found by event or by trace.
 */
public final class EventLogContext implements AutoCloseable {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String TRACE_ID = "traceId";

    private final String previousTraceId;

    private EventLogContext(ReceivedEvent<?> event) {
        previousTraceId = MDC.get(TRACE_ID);
        MDC.put(EVENT_ID, event.id());
        MDC.put(EVENT_TYPE, event.type().type());
        String traceId = TraceContext.traceIdOf(event.traceparent());
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
    }

    public static EventLogContext of(ReceivedEvent<?> event) {
        return new EventLogContext(event);
    }

    @Override
    public void close() {
        MDC.remove(EVENT_ID);
        MDC.remove(EVENT_TYPE);
        if (previousTraceId == null) {
            MDC.remove(TRACE_ID);
        } else {
            MDC.put(TRACE_ID, previousTraceId);
        }
    }
}
