package app.steady.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Secrets come from the environment or mounted files, never the repository; TLS and SASL settings given the
 * documented way reach the platform's own Kafka clients (docs/configuration.md, "Secrets and transport security").
 */
class SecretsAndTransportConfigurationTest {

    @TempDir
    Path secrets;

    @Test
    void secretsMountedAsFilesStandInForTheirEnvironmentVariables() throws IOException {
        Files.writeString(secrets.resolve("STEADY_JWT_HMAC_SECRET"), "from-a-mounted-secret-file-0123456789abcdef\n");
        Files.writeString(secrets.resolve("MONGODB_URI"), "mongodb://steady:s3cret@mongo-0:27017/?tls=true&replicaSet=rs0");
        StandardEnvironment environment = environmentWith(Map.of("STEADY_SECRETS_DIR", secrets.toString()));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("steady.security.jwt.hmac-secret"))
                .isEqualTo("from-a-mounted-secret-file-0123456789abcdef");
        assertThat(environment.getProperty("spring.mongodb.uri")).contains("tls=true").contains("s3cret");
    }

    @Test
    void theEnvironmentWinsOverAMountedFile() throws IOException {
        Files.writeString(secrets.resolve("STEADY_JWT_HMAC_SECRET"), "from-the-file-0123456789abcdef0123456789");
        StandardEnvironment environment = environmentWith(Map.of("STEADY_SECRETS_DIR", secrets.toString(),
                "STEADY_JWT_HMAC_SECRET", "from-the-environment-0123456789abcdef0123"));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("steady.security.jwt.hmac-secret")).isEqualTo("from-the-environment-0123456789abcdef0123");
    }

    @Test
    void withoutSecretsThePlatformDefaultsLeaveThemEmpty() {
        StandardEnvironment environment = environmentWith(Map.of("STEADY_SECRETS_DIR", secrets.resolve("absent").toString()));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("steady.security.jwt.hmac-secret")).isEmpty();
    }

    @Test
    void tlsAndSaslSettingsReachTheOutboxProducerAndTheHealthCheck() {
        KafkaProperties kafka = kafkaProperties(Map.of(
                "spring.kafka.bootstrap-servers", "kafka-0.kafka:9093,kafka-1.kafka:9093",
                "spring.kafka.security.protocol", "SASL_SSL",
                "spring.kafka.ssl.trust-store-location", "file:/etc/steady/kafka/truststore.p12",
                "spring.kafka.ssl.trust-store-password", "changeit",
                "spring.kafka.ssl.trust-store-type", "PKCS12",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"steady\" password=\"p\";"));

        for (Map<String, Object> client : new Map[] {KafkaClientSettings.producer(kafka, Duration.ofSeconds(5)),
                KafkaClientSettings.healthAdmin(kafka)}) {
            assertThat(client).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsKey(SaslConfigs.SASL_JAAS_CONFIG)
                    .containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
            assertThat(String.valueOf(client.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG))).endsWith("truststore.p12");
            assertThat(String.valueOf(client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG))).contains("kafka-1.kafka:9093");
        }
        Map<String, Object> producer = KafkaClientSettings.producer(kafka, Duration.ofSeconds(5));
        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-environment", variables));
        return environment;
    }

    private static KafkaProperties kafkaProperties(Map<String, Object> properties) {
        StandardEnvironment environment = environmentWith(properties);
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).orElseGet(KafkaProperties::new);
    }
}
