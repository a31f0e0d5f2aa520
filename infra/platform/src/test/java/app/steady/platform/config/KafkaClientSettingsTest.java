package app.steady.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class KafkaClientSettingsTest {

    @Test
    void theRelayProducerIsTransactionalAndItsRequestTimeoutFitsTheDeliveryTimeout() {
        Map<String, Object> config = KafkaClientSettings.transactionalProducer(new KafkaProperties(), Duration.ofSeconds(5),
                Duration.ofSeconds(8), "steady-outbox-goals-service");

        assertThat(config).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "steady-outbox-goals-service")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 7000)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void aRequestTimeoutSetAsAStringPropertyIsKept() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");

        Map<String, Object> config = KafkaClientSettings.transactionalProducer(kafka, Duration.ofSeconds(5),
                Duration.ofSeconds(30), "steady-outbox-goals-service");

        assertThat(config).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
    }
}
