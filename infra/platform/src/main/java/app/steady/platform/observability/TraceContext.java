package app.steady.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the work in progress, stored with each outbox event so that the trace of an API
 * write continues in every consumer, even though the relay publishes it later on another thread.
 */
public class TraceContext {

    private final ObjectProvider<Tracer> tracer;

    public TraceContext(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span as a W3C traceparent, or null outside a trace. */
    public String currentTraceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        io.micrometer.tracing.TraceContext context = span.context();
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
    }

    /** The trace id inside a traceparent, or null if it is not one. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
