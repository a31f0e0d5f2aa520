package app.steady.platform.keys;

import app.steady.platform.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes this service's data keys on its compacted key topic ({@code steady.<service>.keys}): new keys and keys
 * re-wrapped under a new master key, as soon as they are stored (woken by the store, and every second in case a
 * wake-up was missed or Kafka was down). Publishing again is harmless: the record is keyed by key id. Erasure's
 * tombstone is sent synchronously, and its position goes into the proof. A roll marker is written to every
 * partition now and then, so that compaction can reach an erased key even on a quiet partition (Kafka never
 * compacts the segment it is writing).
 */
public class DataKeyPublisher {

    private static final Logger log = LoggerFactory.getLogger(DataKeyPublisher.class);
    private static final int BATCH = 500;
    private static final Duration RECOVER_EVERY = Duration.ofMinutes(10);
    /** The key of the roll markers: a tombstone of a key that never exists. */
    static final String ROLL_MARKER = "steady-roll-marker";

    private final DataKeyStore store;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String service;
    private final EventJson json;
    private final Counter published;
    private final Counter failures;
    private volatile Thread sleeper;
    private volatile boolean running = true;

    public DataKeyPublisher(DataKeyStore store, Producer<String, byte[]> producer, String topic, String service,
                            EventJson json, MeterRegistry meters) {
        this.store = store;
        this.producer = producer;
        this.topic = topic;
        this.service = service;
        this.json = json;
        this.published = meters.counter("steady.keys.published", "topic", topic);
        this.failures = meters.counter("steady.keys.publish.failed", "topic", topic);
        store.publishWith(this);
    }

    public String topic() {
        return topic;
    }

    public void startInBackground(Duration every) {
        Thread thread = new Thread(() -> runUntilStopped(every), "data-key-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        wake();
    }

    /** Publishes pending keys, then waits up to {@code every} or until woken; until stopped. */
    void runUntilStopped(Duration every) {
        sleeper = Thread.currentThread();
        long nextRecovery = System.nanoTime();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (System.nanoTime() - nextRecovery >= 0) {
                    // A key stored by an instance that died before listing it: at start-up, then every 10 minutes.
                    nextRecovery = System.nanoTime() + RECOVER_EVERY.toNanos();
                    int recovered = store.recoverUnlisted();
                    if (recovered > 0) {
                        log.info("Listed {} unpublished data key(s) for publication on {}", recovered, topic);
                    }
                }
                while (publishPending() == BATCH) {
                    // a full batch: there may be more right away
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Could not publish data keys to {} yet: {}", topic, e.toString());
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }

    void wake() {
        Thread thread = sleeper;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Publishes up to one batch of pending keys and marks them published once Kafka has them; returns how many. */
    int publishPending() {
        List<DataKeyStore.StoredKey> pending = store.unpublished(BATCH);
        List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
        for (DataKeyStore.StoredKey key : pending) {
            byte[] value = json.writeValue(new KeyTopicRecord(key.keyId(), key.subject(), key.wrapped(), service));
            sent.add(producer.send(new ProducerRecord<>(topic, key.keyId(), value)));
        }
        for (int i = 0; i < pending.size(); i++) {
            await(sent.get(i), "data key " + pending.get(i).keyId());
            store.published(pending.get(i));
            published.increment();
        }
        // A key erased while it was being published may have landed after its tombstone: tombstone it again.
        if (!pending.isEmpty()) {
            store.erasedAmong(pending).forEach(key -> tombstone(key.keyId()));
        }
        return pending.size();
    }

    /** Sends the key's tombstone and waits for it; returns where it landed ({@code topic-partition@offset}). */
    String tombstone(String keyId) {
        RecordMetadata landed = await(producer.send(new ProducerRecord<>(topic, keyId, null)), "tombstone of " + keyId);
        log.info("Tombstoned data key {} at {}-{}@{}", keyId, landed.topic(), landed.partition(), landed.offset());
        return landed.topic() + "-" + landed.partition() + "@" + landed.offset();
    }

    /** One tombstone of a key that never exists on every partition, so each partition's segment can roll. */
    @Scheduled(initialDelayString = "${steady.keys.roll-every}", fixedDelayString = "${steady.keys.roll-every}")
    public void writeRollMarkers() {
        try {
            sendRollMarkers();
        } catch (RuntimeException e) {
            log.warn("Could not write roll markers to {} ({}); next time", topic, e.toString());
        }
    }

    private void sendRollMarkers() {
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (PartitionInfo partition : partitions) {
            sent.add(producer.send(new ProducerRecord<>(topic, partition.partition(), ROLL_MARKER, null)));
        }
        sent.forEach(future -> await(future, "roll marker"));
    }

    private static RecordMetadata await(Future<RecordMetadata> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send " + what, e);
        }
    }
}
