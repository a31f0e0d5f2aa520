package app.steady.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.events.CloudEventHeaders;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes pending events and then removes them from their documents. At least once: an event whose
 * acknowledgement was lost is published again, and consumers drop it by its id. Within one document events
 * leave in the order they were written; across documents a round sends them in the order they occurred.
 *
 * <p>While Kafka is unreachable a round fails, nothing is removed, and the relay tries again after a back-off;
 * the API keeps accepting writes meanwhile, and the backlog metrics show what is waiting.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final OutboxCollections collections;
    private final OutboxSignal signal;
    private final RelayLease lease;
    private final OutboxProperties properties;
    private final String source;
    private final Counter published;
    private final Counter failedRounds;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, OutboxCollections collections,
                       OutboxSignal signal, OutboxProperties properties, String source, String instanceId,
                       MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.producer = producer;
        this.collections = collections;
        this.signal = signal;
        this.properties = properties;
        this.source = source;
        this.lease = new RelayLease(mongo, instanceId, properties.leaseDuration(), clock);
        this.published = Counter.builder("steady.outbox.published")
                .description("Events the relay published and Kafka acknowledged").register(meters);
        this.failedRounds = Counter.builder("steady.outbox.publish.failures")
                .description("Relay rounds that Kafka did not acknowledge (retried)").register(meters);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Could not release the relay lease; it expires by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int sent = lease.acquire() ? relayOnce() : 0;
                if (sent == 0) {
                    signal.awaitWrites(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failedRounds.increment();
                log.warn("Outbox relay round failed, retrying in {}: {}", properties.retryBackoff(), e.toString());
                sleep(properties.retryBackoff().toMillis());
            }
        }
    }

    /** Publishes one round of pending events; returns how many were published. */
    int relayOnce() throws InterruptedException {
        List<Pending> round = new ArrayList<>();
        for (String collection : collections.names()) {
            round.addAll(pendingIn(collection));
        }
        if (round.isEmpty()) {
            return 0;
        }
        // Stable sort: events of one write (same time) keep the order they were written in.
        round.sort(Comparator.comparing((Pending p) -> p.event().getDate("occurredAt")));

        List<Future<RecordMetadata>> acks = new ArrayList<>(round.size());
        for (Pending pending : round) {
            acks.add(producer.send(toRecord(pending.event())));
        }
        producer.flush();

        Map<DocumentRef, List<String>> publishedIds = new LinkedHashMap<>();
        RuntimeException firstFailure = null;
        for (int i = 0; i < round.size(); i++) {
            try {
                acks.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                Pending pending = round.get(i);
                publishedIds.computeIfAbsent(pending.document(), d -> new ArrayList<>()).add(pending.event().getString("id"));
            } catch (ExecutionException | TimeoutException e) {
                if (firstFailure == null) {
                    firstFailure = new IllegalStateException("Kafka did not acknowledge an event", e);
                }
            }
        }
        markPublished(publishedIds);
        int count = publishedIds.values().stream().mapToInt(List::size).sum();
        published.increment(count);
        if (firstFailure != null) {
            throw firstFailure;
        }
        return count;
    }

    private List<Pending> pendingIn(String collection) {
        List<Pending> found = new ArrayList<>();
        mongo.getCollection(collection)
                .find(new Document(OutboxFields.PENDING, true))
                .projection(new Document(OutboxFields.EVENTS, 1))
                .limit(properties.batchSize())
                .forEach(document -> {
                    DocumentRef ref = new DocumentRef(collection, document.get("_id"));
                    for (Document event : document.getList(OutboxFields.EVENTS, Document.class, List.of())) {
                        found.add(new Pending(ref, event));
                    }
                });
        return found;
    }

    /**
     * Takes the published events out of their documents: two unordered bulk writes per collection per round, not
     * two writes per document. The flag is cleared only where no new event was appended in the meantime.
     */
    private void markPublished(Map<DocumentRef, List<String>> publishedIds) {
        Map<String, List<WriteModel<Document>>> pulls = new HashMap<>();
        Map<String, List<WriteModel<Document>>> clears = new HashMap<>();
        publishedIds.forEach((ref, eventIds) -> {
            pulls.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", ref.id()),
                    new Document("$pull", new Document(OutboxFields.EVENTS, new Document("id", new Document("$in", eventIds))))));
            clears.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", ref.id()).append(OutboxFields.EVENTS, new Document("$size", 0)),
                    new Document("$unset", new Document(OutboxFields.PENDING, ""))));
        });
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        pulls.forEach((collection, writes) -> mongo.getCollection(collection).bulkWrite(writes, unordered));
        clears.forEach((collection, writes) -> mongo.getCollection(collection).bulkWrite(writes, unordered));
    }

    private ProducerRecord<String, byte[]> toRecord(Document event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.getString("id"));
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, event.getString("type"));
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.TIME, event.getDate("occurredAt").toInstant().toString());
        header(headers, CloudEventHeaders.SUBJECT, event.getString("subject"));
        header(headers, CloudEventHeaders.TENANT, event.getString("tenant"));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        String traceparent = event.getString("traceparent");
        if (traceparent != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, traceparent);
            header(headers, "traceparent", traceparent);
        }
        return new ProducerRecord<>(event.getString("topic"), null, event.getString("subject"),
                event.getString("data").getBytes(UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record DocumentRef(String collection, Object id) {
    }

    private record Pending(DocumentRef document, Document event) {
    }
}
