package app.steady.platform.consuming;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.platform.events.TopicNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that can never be applied to the consumer group's dead-letter topic
 * ({@code <topic>.<group>.dlt}): the original key, value and headers, plus where it came from and why.
 * Synchronous: the source offset is committed only after the dead letter is safely stored.
 */
public class DeadLetters {

    public static final String REASON = "steady_dlt_reason";
    public static final String ORIGINAL_TOPIC = "steady_dlt_original_topic";
    public static final String ORIGINAL_PARTITION = "steady_dlt_original_partition";
    public static final String ORIGINAL_OFFSET = "steady_dlt_original_offset";
    public static final String GROUP = "steady_dlt_group";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LENGTH = 2000;

    private final Producer<String, byte[]> producer;
    private final TopicNames topics;
    private final String group;
    private final MeterRegistry meters;

    /**
     * @param consumedTopics the topics this service reads: their dead-letter counters exist from start-up, so the
     *                       "dead letters appearing" alert sees the very first one as an increase
     */
    public DeadLetters(Producer<String, byte[]> producer, TopicNames topics, String group,
                       Collection<String> consumedTopics, MeterRegistry meters) {
        this.producer = producer;
        this.topics = topics;
        this.group = group;
        this.meters = meters;
        consumedTopics.forEach(this::counter);
    }

    private Counter counter(String topic) {
        return meters.counter("steady.events.dead.lettered", "topic", topic);
    }

    public void send(String topic, int partition, long offset, Object key, Map<String, Object> originalHeaders,
                     byte[] payload, String reason) {
        String deadLetterTopic = topics.deadLetterTopic(topic, group);
        RecordHeaders headers = new RecordHeaders();
        originalHeaders.forEach((name, value) -> {
            if (!name.startsWith("kafka_") && !name.equals("id") && !name.equals("timestamp") && value != null) {
                headers.add(name, value instanceof byte[] bytes ? bytes : value.toString().getBytes(UTF_8));
            }
        });
        String boundedReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        headers.add(REASON, boundedReason.getBytes(UTF_8));
        headers.add(ORIGINAL_TOPIC, topic.getBytes(UTF_8));
        headers.add(ORIGINAL_PARTITION, Integer.toString(partition).getBytes(UTF_8));
        headers.add(ORIGINAL_OFFSET, Long.toString(offset).getBytes(UTF_8));
        headers.add(GROUP, group.getBytes(UTF_8));
        String recordKey = key instanceof byte[] bytes ? new String(bytes, UTF_8) : key == null ? null : key.toString();
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, recordKey, payload, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + topic + "-" + partition + "@" + offset, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter " + topic + "-" + partition + "@" + offset, e);
        }
        counter(topic).increment();
        log.warn("Dead-lettered {}-{}@{} to {}: {}", topic, partition, offset, deadLetterTopic, boundedReason);
    }
}
