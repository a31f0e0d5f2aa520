package app.steady.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.events.CloudEventHeaders;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
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
 * <p>Each round is one Kafka transaction: consumers (who read committed records only) see all of a round or none
 * of it. So a client's events keep their order even when Kafka fails part of a round (the whole round is aborted and
 * sent again), and a relay instance that lost its lease but still runs is fenced by the next one's transactional id.
 * A round takes at most {@code max-events-per-subject} events of one client: if the relay dies after a round was
 * committed but before the outbox was cleared, the next relay sends that round again, and no consumer may have
 * forgotten its event ids by then ({@link app.steady.platform.consuming.ConsumptionLedger} remembers 32 per topic
 * and document).
 *
 * <p>While Kafka is unreachable a round fails, nothing is removed, and the relay tries again after a back-off;
 * the API keeps accepting writes meanwhile, and the backlog metrics show what is waiting.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private final OutboxCollections collections;
    private final PendingWork pendingWork;
    private final OutboxSignal signal;
    private final RelayLease lease;
    private final OutboxProperties properties;
    private final String source;
    private final Clock clock;
    private final Counter published;
    private final Counter failedRounds;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param producers makes the relay's transactional producer (a new one after a failure that leaves a producer
     *                  unusable); all of a service's relay instances share its transactional id
     */
    public OutboxRelay(MongoTemplate mongo, Supplier<Producer<String, byte[]>> producers, OutboxCollections collections,
                       PendingWork pendingWork, OutboxSignal signal, OutboxProperties properties, String source,
                       String instanceId, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.producers = producers;
        this.collections = collections;
        this.pendingWork = pendingWork;
        this.signal = signal;
        this.properties = properties;
        this.source = source;
        this.clock = clock;
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
        closeProducer();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Instant nextRecovery = Instant.MIN;
        while (running) {
            try {
                int sent = 0;
                // Every instance writes the entries it deferred, whether or not it relays: the store is back when it can.
                pendingWork.markDeferred();
                if (lease.acquire()) {
                    if (!clock.instant().isBefore(nextRecovery)) {
                        recoverWorkList();
                        nextRecovery = clock.instant().plus(properties.recoveryInterval());
                    }
                    sent = relayOnce();
                } else {
                    // Another instance relays now and has fenced this one's producer: make a new one when it is our turn.
                    closeProducer();
                }
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

    /** Documents with pending events that a service which died between its two writes left off the work list. */
    void recoverWorkList() {
        int missing = pendingWork.recover(collections.names());
        if (missing > 0) {
            log.warn("Outbox: {} documents with pending events were missing from the relay's work list; added", missing);
        }
    }

    /** Publishes one round of pending events; returns how many were published. */
    int relayOnce() {
        Date readAt = Date.from(clock.instant());
        Map<DocumentRef, PendingWork.Entry> entries = new LinkedHashMap<>();
        List<PendingWork.Entry> nothingToSend = new ArrayList<>();
        List<Pending> candidates = new ArrayList<>();
        for (PendingWork.Entry entry : pendingWork.oldest(properties.batchSize())) {
            DocumentRef ref = new DocumentRef(entry.collection(), entry.documentId());
            Stored stored = read(ref);
            if (!stored.events().isEmpty()) {
                candidates.addAll(stored.events());
                entries.put(ref, entry);
            } else if (!stored.flagged() || clearFlag(ref, stored.version())) {
                nothingToSend.add(entry);
            }
            // else: written since this round read it; the next round reads it again
        }
        pendingWork.done(nothingToSend);
        if (candidates.isEmpty()) {
            return 0;
        }
        // Stable sort: events of one write (same time) keep the order they were written in.
        candidates.sort(Comparator.comparing((Pending p) -> p.event().getDate("occurredAt")));
        Round round = atMostPerSubject(candidates);

        publishInOneTransaction(round.sent());
        markPublished(round, readAt, entries);
        published.increment(round.sent().size());
        return round.sent().size();
    }

    /** The events a round sends, and those it leaves in their documents for later rounds. */
    private record Round(List<Pending> sent, List<Pending> left) {
    }

    /** The oldest events of each client, up to the cap; the rest wait for later rounds (in order, as a prefix). */
    private Round atMostPerSubject(List<Pending> candidates) {
        Map<String, Integer> perSubject = new HashMap<>();
        List<Pending> sent = new ArrayList<>(candidates.size());
        List<Pending> left = new ArrayList<>();
        for (Pending pending : candidates) {
            String subject = pending.event().getString("subject");
            boolean withinCap = perSubject.merge(subject, 1, Integer::sum) <= properties.maxEventsPerSubject();
            (withinCap ? sent : left).add(pending);
        }
        return new Round(sent, left);
    }

    /**
     * Sends the round as one transaction. Any failure aborts it (nothing of it becomes visible) and fails the round;
     * a producer that cannot abort, was fenced or timed out committing is closed and replaced in the next round.
     */
    private void publishInOneTransaction(List<Pending> round) {
        Producer<String, byte[]> transactional = producer();
        boolean committing = false;
        try {
            transactional.beginTransaction();
            for (Pending pending : round) {
                transactional.send(toRecord(pending.event()));
            }
            committing = true;
            transactional.commitTransaction();   // flushes; throws if any send failed
        } catch (ProducerFencedException | InvalidProducerEpochException fenced) {
            closeProducer();
            throw new IllegalStateException("Another relay instance took over this service's transactional id", fenced);
        } catch (KafkaException failure) {
            if (committing && failure instanceof org.apache.kafka.common.errors.TimeoutException) {
                // The commit may still complete: only a new producer (initTransactions) settles it either way.
                closeProducer();
            } else {
                abort(transactional);
            }
            throw new IllegalStateException("Kafka did not take the round of " + round.size() + " events", failure);
        }
    }

    private void abort(Producer<String, byte[]> transactional) {
        try {
            transactional.abortTransaction();
        } catch (KafkaException abortFailed) {
            closeProducer();
        }
    }

    /** The current transactional producer, made and registered with the broker on first use. */
    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> created = producers.get();
            try {
                created.initTransactions();
            } catch (KafkaException unreachable) {
                created.close(Duration.ZERO);
                throw unreachable;
            }
            producer = created;
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                log.debug("Closing the relay producer failed", e);
            }
            producer = null;
        }
    }

    /** A document on the work list as a round read it: its pending events, version and pending flag. */
    private record Stored(List<Pending> events, Object version, boolean flagged) {
        static final Stored GONE = new Stored(List.of(), null, false);
    }

    /** One document on the work list, read by its id (gone: nothing to send and nothing to clear). */
    private Stored read(DocumentRef ref) {
        String version = collections.versionField(ref.collection());
        Document document = mongo.getCollection(ref.collection()).find(new Document("_id", ref.id()))
                .projection(new Document(OutboxFields.EVENTS, 1).append(OutboxFields.PENDING, 1).append(version, 1))
                .first();
        if (document == null) {
            return Stored.GONE;
        }
        List<Pending> found = new ArrayList<>();
        for (Document event : document.getList(OutboxFields.EVENTS, Document.class, List.of())) {
            found.add(new Pending(ref, event, document.get(version)));
        }
        return new Stored(found, document.get(version), Boolean.TRUE.equals(document.getBoolean(OutboxFields.PENDING)));
    }

    /**
     * Clears the pending flag of a document found with an empty outbox, if nobody wrote it since (a clear of an
     * earlier round lost to a write that appended no event, or a document recovered that way). Rare: one write each.
     *
     * @return whether the flag is cleared; if not, a write came in between and the next round reads it again
     */
    private boolean clearFlag(DocumentRef ref, Object readVersion) {
        return mongo.getCollection(ref.collection()).updateOne(versionFilter(ref, readVersion), clearFlagUpdate())
                .getMatchedCount() == 1;
    }

    /** The document as a round read it: a filter that misses once anybody wrote it since. */
    private Document versionFilter(DocumentRef ref, Object readVersion) {
        return new Document("_id", ref.id()).append(collections.versionField(ref.collection()), readVersion);
    }

    private static Document clearFlagUpdate() {
        return new Document("$unset", new Document(OutboxFields.PENDING, "").append(OutboxFields.OLDEST_PENDING, ""));
    }

    /** Of these documents, those whose pending flag is still set (read by id each: only after a clear missed). */
    private List<DocumentRef> stillFlagged(List<DocumentRef> refs) {
        List<DocumentRef> flagged = new ArrayList<>();
        for (DocumentRef ref : refs) {
            Document document = mongo.getCollection(ref.collection()).find(new Document("_id", ref.id()))
                    .projection(new Document(OutboxFields.PENDING, 1)).first();
            if (document != null && Boolean.TRUE.equals(document.getBoolean(OutboxFields.PENDING))) {
                flagged.add(ref);
            }
        }
        return flagged;
    }

    /**
     * Takes the published events out of their documents: two unordered bulk writes per collection per round, not
     * two writes per document. The flag is cleared only on documents the round emptied and nobody wrote since it read
     * them: every write that appends events changes the aggregate's version, so the clear names the version read (an
     * {@code {_id, version}} filter, which the embedded store serves from an index like every version-checked
     * write, where a condition on the array would read the whole collection). A clear that misses keeps its document
     * on the work list while the flag is set, so a write that changed it without appending events (the version moved,
     * the outbox stayed empty) cannot leave it flagged for good: the next round finds it empty and clears it. A document
     * that keeps events gets, as the time of its oldest pending one, that of the oldest event the round left in it,
     * or the time the round read it (any event appended since is newer).
     */
    private void markPublished(Round round, Date readAt, Map<DocumentRef, PendingWork.Entry> entries) {
        Map<DocumentRef, List<String>> publishedIds = new LinkedHashMap<>();
        for (Pending pending : round.sent()) {
            publishedIds.computeIfAbsent(pending.document(), d -> new ArrayList<>()).add(pending.event().getString("id"));
        }
        Map<DocumentRef, Date> oldestLeft = new HashMap<>();
        for (Pending pending : round.left()) {   // oldest first: the first one seen per document is its oldest
            oldestLeft.putIfAbsent(pending.document(), pending.event().getDate("occurredAt"));
        }
        Map<DocumentRef, Object> readVersions = new HashMap<>();
        round.sent().forEach(pending -> readVersions.put(pending.document(), pending.readVersion()));
        Map<String, List<WriteModel<Document>>> pulls = new HashMap<>();
        Map<String, List<DocumentRef>> clears = new HashMap<>();
        publishedIds.forEach((ref, eventIds) -> {
            pulls.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", ref.id()),
                    new Document("$pull", new Document(OutboxFields.EVENTS, new Document("id", new Document("$in", eventIds))))
                            .append("$set", new Document(OutboxFields.OLDEST_PENDING, oldestLeft.getOrDefault(ref, readAt)))));
            if (!oldestLeft.containsKey(ref)) {
                clears.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(ref);
            }
        });
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        pulls.forEach((collection, writes) -> mongo.getCollection(collection).bulkWrite(writes, unordered));
        Set<DocumentRef> uncleared = new HashSet<>();
        clears.forEach((collection, refs) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(refs.size());
            refs.forEach(ref -> writes.add(new UpdateOneModel<>(versionFilter(ref, readVersions.get(ref)), clearFlagUpdate())));
            if (mongo.getCollection(collection).bulkWrite(writes, unordered).getMatchedCount() < writes.size()) {
                // Some were written since the round read them: with new events (their writer listed them again) or
                // without (a version bump only). Either way a flag still set keeps its document on the list.
                uncleared.addAll(stillFlagged(refs));
            }
        });
        // The work list follows: documents the round emptied leave it, the others wait from their oldest event left
        // (or, when their flag could not be cleared, from the time of this round, for the next one to settle).
        List<PendingWork.Entry> emptied = new ArrayList<>();
        entries.forEach((ref, entry) -> {
            Date left = oldestLeft.get(ref);
            int sent = publishedIds.getOrDefault(ref, List.of()).size();
            if (left != null) {
                pendingWork.stillPending(entry, left, sent);
            } else if (uncleared.contains(ref)) {
                pendingWork.stillPending(entry, readAt, sent);
            } else {
                emptied.add(entry);
            }
        });
        pendingWork.done(emptied);
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

    /** A pending event, and the version of its document when the round read it. */
    private record Pending(DocumentRef document, Document event, Object readVersion) {
    }
}
