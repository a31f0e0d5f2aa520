package app.steady.platform.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The platform's own Kafka clients (the outbox/dead-letter producer, the health check's admin client), built on
 * {@code spring.kafka.*} like the Spring Cloud Stream binder, so one set of connection settings — servers, TLS
 * ({@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.*}) and SASL ({@code spring.kafka.properties.sasl.*})
 * — reaches every client. The platform only adds what its guarantees need.
 */
final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** Idempotent, every in-sync replica acknowledges, bounded waits so an unreachable broker fails a round quickly. */
    static Map<String, Object> producer(KafkaProperties kafka, Duration maxBlock) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /**
     * The outbox relay's producer: transactional (a round is committed whole or aborted), so consumers reading
     * committed records never see part of a round, and a relay instance that lost its lease is fenced.
     */
    static Map<String, Object> transactionalProducer(KafkaProperties kafka, Duration maxBlock, Duration deliveryTimeout,
                                                     String transactionalId) {
        Map<String, Object> config = producer(kafka, maxBlock);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        // Kafka refuses a delivery timeout shorter than the request timeout (plus linger). The request timeout may
        // come from spring.kafka.producer.properties as a string.
        long requestTimeout = Long.parseLong(String.valueOf(config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() - 1000, requestTimeout));
        return config;
    }

    /**
     * The key-topic readers' consumer: no group (each instance reads every key from the start), committed records
     * only, nothing committed back.
     */
    static Map<String, Object> keyTopicConsumer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** The health check answers within its own short timeouts. */
    static Map<String, Object> healthAdmin(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return config;
    }
}
