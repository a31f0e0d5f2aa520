package app.steady.platform.consuming;

import app.steady.events.CloudEventHeaders;
import app.steady.platform.consuming.InboundEventReader.Accepted;
import app.steady.platform.consuming.InboundEventReader.AwaitingKey;
import app.steady.platform.consuming.InboundEventReader.KeyDestroyed;
import app.steady.platform.consuming.InboundEventReader.Outcome;
import app.steady.platform.consuming.InboundEventReader.Rejected;
import app.steady.platform.consuming.InboundEventReader.Skipped;
import app.steady.platform.observability.EventLogContext;
import app.steady.platform.observability.EventSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The service's Spring Cloud Stream consumer ({@code steadyEvents}): takes a polled batch, reads every record,
 * dead-letters those that can never be applied, skips unknown types, and hands the rest to the
 * service's {@link EventHandler}s (each gets the events of its types, in order). If that call fails, the batch is retried one event at a time so that only
 * the failing event is isolated: retried with back-off, then dead-lettered. A poison message therefore never
 * blocks its partition. Failures of the store or broker themselves propagate, and the listener container
 * redelivers the batch with back-off until they pass.
 */
public class BatchEventProcessor implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(BatchEventProcessor.class);

    private final InboundEventReader reader;
    private final List<EventHandler> handlers;
    private final SubjectScreen screen;
    private final DeadLetters deadLetters;
    private final EventSpans spans;
    private final ConsumerProperties properties;
    private final KeyWait keyWait;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;

    public BatchEventProcessor(InboundEventReader reader, List<EventHandler> handlers, SubjectScreen screen,
                               DeadLetters deadLetters, EventSpans spans, ConsumerProperties properties,
                               KeyWait keyWait, MeterRegistry meters, Clock clock) {
        this.reader = reader;
        this.handlers = List.copyOf(handlers);
        this.screen = screen;
        this.deadLetters = deadLetters;
        this.spans = spans;
        this.properties = properties;
        this.keyWait = keyWait;
        this.meters = meters;
        this.clock = clock;
        this.lag = Timer.builder("steady.events.lag")
                .description("From an event's time to its application by this service")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(meters);
        registerAtZero();
    }

    /**
     * Creates the counters that dashboards and alerts read before their first increment, so that {@code increase()}
     * sees the first applied, dead-lettered or ignored event instead of a series that starts at one.
     */
    private void registerAtZero() {
        handlers.stream().flatMap(handler -> handler.handledTypes().stream()).distinct().forEach(type -> {
            for (String outcome : List.of("applied", "dead-lettered", "ignored")) {
                consumed(type.type(), outcome);
            }
            unknownFields(type.type());
        });
        consumed("invalid", "dead-lettered");
        for (String reason : List.of(InboundEventReader.UNKNOWN_TYPE, SubjectScreen.ERASED_CLIENT)) {
            ignored(reason);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<Map<String, Object>> recordHeaders = (List<Map<String, Object>>) headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<String> topics = (List<String>) headers.get(KafkaHeaders.RECEIVED_TOPIC);
        List<Integer> partitions = (List<Integer>) headers.get(KafkaHeaders.RECEIVED_PARTITION);
        List<Long> offsets = (List<Long>) headers.get(KafkaHeaders.OFFSET);
        List<Object> keys = (List<Object>) headers.get(KafkaHeaders.RECEIVED_KEY);

        if (offsets == null || payloads.size() != offsets.size()) {
            // Never let a batch whose records were lost in conversion be committed as if it were processed.
            throw new IllegalStateException("Batch of " + payloads.size() + " payloads for "
                    + (offsets == null ? "unknown" : offsets.size()) + " records; refusing to commit it");
        }
        log.debug("Received a batch of {} records", payloads.size());
        // Read every record first: a record whose data key has not arrived yet sends the whole batch back before
        // anything in it has an effect (see awaitKeys).
        List<Outcome> outcomes = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> eventHeaders = recordHeaders == null ? Map.of() : recordHeaders.get(i);
            outcomes.add(reader.read(topics.get(i), partitions.get(i), offsets.get(i), keys == null ? null : keys.get(i),
                    eventHeaders, payloads.get(i)));
        }
        awaitKeys(outcomes, topics, partitions, offsets);
        List<Inbound> accepted = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String topic = topics.get(i);
            int partition = partitions.get(i);
            long offset = offsets.get(i);
            Object key = keys == null ? null : keys.get(i);
            Map<String, Object> eventHeaders = recordHeaders == null ? Map.of() : recordHeaders.get(i);
            MDC.put(EventLogContext.EVENT_ID, InboundEventReader.header(eventHeaders, CloudEventHeaders.ID));
            Outcome outcome = outcomes.get(i);
            if (outcome instanceof Accepted ok) {
                ok.unknownFields().forEach(field ->
                        unknownFields(ok.event().type().type()).increment());
                if (handlers.stream().anyMatch(handler -> handler.handledTypes().contains(ok.event().type()))) {
                    accepted.add(new Inbound(ok.event(), key, eventHeaders, payloads.get(i)));
                } else {
                    count(ok.event().type().type(), "not-handled");
                }
            } else if (outcome instanceof Skipped skipped) {
                ignored(skipped.reason()).increment();
                log.info("Skipped {}-{}@{} of unknown type {}", topic, partition, offset, skipped.type());
            } else if (outcome instanceof Rejected rejected) {
                deadLetters.send(topic, partition, offset, key, eventHeaders, payloads.get(i), rejected.reason());
                count("invalid", "dead-lettered");
            } else if (outcome instanceof KeyDestroyed destroyed) {
                ignored(SubjectScreen.ERASED_CLIENT).increment();
                count(destroyed.type(), "ignored");
            } else if (outcome instanceof AwaitingKey awaiting) {
                // Waited longer than steady.keys.max-wait (awaitKeys let it through): never applied half-read.
                deadLetters.send(topic, partition, offset, key, eventHeaders, payloads.get(i), "data key "
                        + awaiting.keyId() + " did not arrive within " + keyWait.maxWait());
                count(awaiting.type(), "dead-lettered");
            }
            MDC.remove(EventLogContext.EVENT_ID);
        }
        List<Inbound> applicable = screened(accepted);
        if (!applicable.isEmpty()) {
            deliver(applicable);
        }
    }

    /**
     * A sealed event whose key has not arrived: if its client is erased here it is dropped like any erased client's
     * event; otherwise the batch is sent back (the container redelivers it with back-off) until the key arrives, or
     * until it has waited {@code steady.keys.max-wait}, when it is dead-lettered with the reason (a key that never
     * comes must not block the partition for good).
     */
    private void awaitKeys(List<Outcome> outcomes, List<String> topics, List<Integer> partitions, List<Long> offsets) {
        boolean waiting = false;
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof AwaitingKey awaiting) {
                String position = topics.get(i) + "-" + partitions.get(i) + "@" + offsets.get(i);
                positions.add(position);
                if (screen.isErased(awaiting.tenant(), awaiting.subject())) {
                    outcomes.set(i, new KeyDestroyed(awaiting.type(), awaiting.keyId()));
                } else if (!keyWait.expired(position)) {
                    waiting = true;
                }
            }
        }
        if (waiting) {
            throw new KeyWait.DataKeyNotYetKnown();
        }
        keyWait.done(positions);
    }

    /** Rejects events whose tenant is not their client's, drops those of erased clients (see {@link SubjectScreen}). */
    private List<Inbound> screened(List<Inbound> accepted) {
        if (accepted.isEmpty()) {
            return accepted;
        }
        List<SubjectScreen.Verdict> verdicts = screen.screen(accepted.stream().<ReceivedEvent<?>>map(Inbound::event).toList());
        List<Inbound> applicable = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            Inbound record = accepted.get(i);
            ReceivedEvent<?> event = record.event();
            SubjectScreen.Verdict verdict = verdicts.get(i);
            if (verdict instanceof SubjectScreen.Drop drop) {
                ignored(drop.reason()).increment();
                count(event.type().type(), "ignored");
            } else if (verdict instanceof SubjectScreen.Reject reject) {
                deadLetters.send(event.topic(), event.partition(), event.offset(), record.key(), record.headers(),
                        record.payload(), reject.reason());
                count(event.type().type(), "dead-lettered");
            } else {
                applicable.add(record);
            }
        }
        return applicable;
    }

    private void deliver(List<Inbound> records) {
        List<ReceivedEvent<?>> events = records.stream().<ReceivedEvent<?>>map(Inbound::event).toList();
        try {
            apply(events);
            events.forEach(this::applied);
        } catch (RuntimeException batchFailure) {
            if (FailureClassifier.isTransient(batchFailure)) {
                throw batchFailure;
            }
            log.warn("A batch of {} events failed ({}); isolating the failing event", events.size(), batchFailure.toString());
            records.forEach(this::deliverAlone);
        }
    }

    private void deliverAlone(Inbound record) {
        ReceivedEvent<?> event = record.event();
        try (EventLogContext ignored = EventLogContext.of(event)) {
            Duration pause = properties.retryBackoff();
            for (int attempt = 1; ; attempt++) {
                try {
                    apply(List.of(event));
                    applied(event);
                    return;
                } catch (RuntimeException failure) {
                    if (FailureClassifier.isTransient(failure)) {
                        throw failure;
                    }
                    if (failure instanceof EventRejected rejected) {
                        deadLetters.send(event.topic(), event.partition(), event.offset(), record.key(),
                                record.headers(), record.payload(), "rejected: " + rejected.getMessage());
                        count(event.type().type(), "dead-lettered");
                        return;
                    }
                    if (attempt >= properties.attempts()) {
                        deadLetters.send(event.topic(), event.partition(), event.offset(), record.key(),
                                record.headers(), record.payload(), "handler failed " + attempt + " times: " + failure);
                        count(event.type().type(), "dead-lettered");
                        return;
                    }
                    log.warn("Handling {} failed (attempt {} of {}): {}", event.position(), attempt,
                            properties.attempts(), failure.toString());
                    sleep(pause);
                    pause = pause.multipliedBy(2);
                }
            }
        }
    }

    /** Applies events in the spans that continue the traces which wrote them. */
    private void apply(List<ReceivedEvent<?>> events) {
        try (EventSpans.Applying applying = spans.applying(events)) {
            try {
                handleAll(events);
            } catch (RuntimeException failure) {
                applying.failed(failure);
                throw failure;
            }
        }
    }

    /** Gives each handler the events of its types, in order. Handlers are idempotent, so a retried event is safe. */
    private void handleAll(List<ReceivedEvent<?>> events) {
        for (EventHandler handler : handlers) {
            List<ReceivedEvent<?>> mine = events.stream()
                    .filter(event -> handler.handledTypes().contains(event.type())).toList();
            if (!mine.isEmpty()) {
                handler.handle(mine);
            }
        }
    }

    private void applied(ReceivedEvent<?> event) {
        count(event.type().type(), "applied");
        lag.record(Duration.between(event.time(), clock.instant()));
    }

    private void count(String type, String outcome) {
        consumed(type, outcome).increment();
    }

    private Counter consumed(String type, String outcome) {
        return meters.counter("steady.events.consumed", "type", type, "outcome", outcome);
    }

    private Counter ignored(String reason) {
        return meters.counter("steady.events.ignored", "reason", reason);
    }

    private Counter unknownFields(String type) {
        return meters.counter("steady.events.unknown.fields", "type", type);
    }

    /** An accepted event with the record it was read from, kept in case it must be dead-lettered. */
    private record Inbound(ReceivedEvent<?> event, Object key, Map<String, Object> headers, byte[] payload) {
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
