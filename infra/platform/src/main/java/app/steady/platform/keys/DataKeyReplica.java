package app.steady.platform.keys;

import app.steady.events.Topic;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.privacy.SubjectDigest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every producer's event data keys, read from the key topics from the beginning and held in memory only (never
 * stored: a restart reads them again, and a compacted topic no longer holds an erased client's key). A tombstone
 * removes a key; so does erasure, at once, for all of a client's keys (and a late copy of them is not taken back).
 */
public class DataKeyReplica implements ClientDataOwner {

    private static final Logger log = LoggerFactory.getLogger(DataKeyReplica.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REFRESH_PARTITIONS = Duration.ofSeconds(10);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final List<String> topics;
    private final MasterKeys masterKeys;
    private final SubjectDigest digest;
    private final EventJson json;
    private final Map<String, Entry> byKeyId = new ConcurrentHashMap<>();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final Counter unwrapFailures;
    private volatile boolean running = true;

    private record Entry(String subject, SecretKey key) {
    }

    public DataKeyReplica(Supplier<Consumer<String, byte[]>> consumers, TopicNames names, MasterKeys masterKeys,
                          SubjectDigest digest, EventJson json, MeterRegistry meters) {
        this.consumers = consumers;
        List<String> keyTopics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            keyTopics.add(names.keysOf(topic));
        }
        this.topics = List.copyOf(keyTopics);
        this.masterKeys = masterKeys;
        this.digest = digest;
        this.json = json;
        this.unwrapFailures = meters.counter("steady.keys.unwrap.failed");
        Gauge.builder("steady.keys.replica.size", byKeyId, Map::size)
                .description("Event data keys this service holds in memory").register(meters);
    }

    public void startInBackground() {
        Thread thread = new Thread(this::readForever, "data-key-replica");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
    }

    /** The key, if this service has read it (and the client is not erased). */
    public Optional<SecretKey> key(String keyId) {
        Entry entry = byKeyId.get(keyId);
        return entry == null ? Optional.empty() : Optional.of(entry.key());
    }

    /** Whether this key's tombstone was read, or its client erased here: events sealed with it are gone for good. */
    public boolean isDestroyed(String keyId) {
        return destroyed.contains(keyId);
    }

    /** Erasure: forgets the client's keys held in memory, and any copy read later. */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        Set<String> subjects = new HashSet<>(digest.storedForms(tenantId, clientId));
        forgotten.addAll(subjects);
        long removed = 0;
        for (Map.Entry<String, Entry> entry : byKeyId.entrySet()) {
            if (subjects.contains(entry.getValue().subject()) && byKeyId.remove(entry.getKey(), entry.getValue())) {
                destroyed.add(entry.getKey());
                removed++;
            }
        }
        return List.of(ErasedPart.keys("event data keys in memory", removed));
    }

    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    /** Applies one key-topic record. */
    void apply(String keyId, byte[] value) {
        if (keyId == null) {
            return;
        }
        if (value == null) {
            if (!DataKeyPublisher.ROLL_MARKER.equals(keyId)) {
                byKeyId.remove(keyId);
                destroyed.add(keyId);
            }
            return;
        }
        KeyTopicRecord record;
        try {
            record = json.readValue(value, KeyTopicRecord.class);
        } catch (RuntimeException e) {
            unwrapFailures.increment();
            log.warn("Key-topic record {} is not a key record: {}", keyId, e.toString());
            return;
        }
        if (!keyId.equals(record.keyId()) || record.subject() == null || forgotten.contains(record.subject())
                || destroyed.contains(keyId)) {
            return;
        }
        Optional<SecretKey> key = masterKeys.unwrap(record.wrapped(), keyId);
        if (key.isEmpty()) {
            // An older version already removed from the configuration; the re-wrapped record comes later.
            unwrapFailures.increment();
            log.debug("Data key {} does not unwrap under {}", keyId, masterKeys);
            return;
        }
        byKeyId.put(keyId, new Entry(record.subject(), key.get()));
    }

    private void readForever() {
        while (running) {
            try (Consumer<String, byte[]> consumer = consumers.get()) {
                Set<TopicPartition> assigned = new HashSet<>();
                long refreshAt = 0;
                while (running) {
                    if (System.nanoTime() >= refreshAt) {
                        Set<TopicPartition> now = partitions(consumer);
                        if (!now.equals(assigned)) {
                            Set<TopicPartition> added = new HashSet<>(now);
                            added.removeAll(assigned);
                            consumer.assign(now);
                            consumer.seekToBeginning(added);
                            assigned = now;
                        }
                        refreshAt = System.nanoTime() + REFRESH_PARTITIONS.toNanos();
                    }
                    if (assigned.isEmpty()) {
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        apply(record.key(), record.value());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Reading the key topics failed ({}); starting over from the beginning", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Set<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }
}
