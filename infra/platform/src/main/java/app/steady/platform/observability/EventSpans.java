package app.steady.platform.observability;

import app.steady.platform.consuming.ReceivedEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Continues, in the consuming service, the trace that wrote an event: one consumer span per applied event, a child of
 * the span whose work recorded it (the event's {@code ce_traceparent}, captured by the outbox when the API write was
 * accepted). An API write and every projection it updates in other services therefore appear as one trace.
 *
 * <p>Events are applied in batches, so the spans of a batch share its duration and carry the batch size. Events
 * without a traceparent (replays of old history, hand-injected records) get no span: a new root trace per replayed
 * event would only flood the trace store. Whether a span is recorded follows the writer's sampling decision.
 */
public class EventSpans {

    private static final Propagator.Getter<String> TRACEPARENT = (traceparent, field) ->
            "traceparent".equals(field) ? traceparent : null;

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public EventSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Starts the spans of events about to be applied together; close the result when they are applied or failed. */
    public Applying applying(List<ReceivedEvent<?>> events) {
        Propagator extractor = propagator.getIfAvailable();
        if (extractor == null) {
            return new Applying(List.of(), null);
        }
        List<Span> spans = new ArrayList<>(events.size());
        for (ReceivedEvent<?> event : events) {
            if (event.traceparent() != null) {
                spans.add(extractor.extract(event.traceparent(), TRACEPARENT)
                        .name("apply " + event.type().type())
                        .kind(Span.Kind.CONSUMER)
                        .tag("messaging.system", "kafka")
                        .tag("messaging.destination.name", event.topic())
                        .tag("messaging.kafka.partition", event.partition())
                        .tag("messaging.kafka.offset", event.offset())
                        .tag("messaging.message.id", event.id())
                        .tag("steady.batch.size", events.size())
                        .start());
            }
        }
        // A single event is applied on this thread in its span, so the store calls it makes join the trace.
        Tracer current = tracer.getIfAvailable();
        Tracer.SpanInScope scope = spans.size() == 1 && events.size() == 1 && current != null
                ? current.withSpan(spans.get(0)) : null;
        return new Applying(spans, scope);
    }

    /** The open spans of one application attempt. */
    public static final class Applying implements AutoCloseable {

        private final List<Span> spans;
        private final Tracer.SpanInScope scope;

        private Applying(List<Span> spans, Tracer.SpanInScope scope) {
            this.spans = spans;
            this.scope = scope;
        }

        /** Marks every span of the attempt as failed. */
        public void failed(Throwable failure) {
            spans.forEach(span -> span.error(failure));
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            spans.forEach(Span::end);
        }
    }
}
