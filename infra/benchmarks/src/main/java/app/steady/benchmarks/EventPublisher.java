package app.steady.benchmarks;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes events onto the topics exactly as their producers would (CloudEvents headers, keyed by subject). */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final BenchmarkStack stack;
    private final EventJson json = new EventJson();

    EventPublisher(BenchmarkStack stack) {
        this.stack = stack;
        this.producer = new KafkaProducer<>(stack.kafkaClient(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    void publish(String tenant, EventData data, Instant time) {
        EventType type = EventType.of(data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                stack.topic(type.topic().name().toLowerCase()), data.subjectId(), json.write(data));
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, type.topic().producer());
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, data.subjectId());
        header(record, CloudEventHeaders.TENANT, tenant);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("Publishing failed", error);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
