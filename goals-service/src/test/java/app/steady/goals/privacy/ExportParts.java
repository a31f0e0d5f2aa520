package app.steady.goals.privacy;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.goals.support.GoalsApi;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.platform.privacy.Sealing;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The other services' side of an export, played through the broker: read the request, answer with sealed parts. */
final class ExportParts {

    static final java.util.List<String> SERVICES = java.util.List.of("homework-service", "reminders-service", "analytics-service");

    private final TopicNames topics;
    private final EventJson json;

    ExportParts(TopicNames topics, EventJson json) {
        this.topics = topics;
        this.json = json;
    }

    /** The client's export request as published (with the export's public key). */
    ClientExportRequested requestOf(GoalsApi api) {
        ConsumerRecord<String, byte[]> record = KafkaTestClient.shared().readUntil(topics.of(Topic.GOALS),
                        Duration.ofSeconds(30), records -> records.stream().anyMatch(r -> isExportRequest(r, api)))
                .stream().filter(r -> isExportRequest(r, api)).findFirst().orElseThrow();
        return json.read(json.readTree(record.value()), ClientExportRequested.class);
    }

    /** Answers the request from each service with the given part content (JSON), sealed to the export's public key. */
    void answer(GoalsApi api, ClientExportRequested request, java.util.function.Function<String, String> partOf) {
        for (String service : SERVICES) {
            Sealing.Sealed sealed = Sealing.seal(request.publicKey(), partOf.apply(service).getBytes(StandardCharsets.UTF_8));
            TestEvents.publish(topics, json, api.tenant, new ClientDataExported(request.exportId(), api.client, service,
                    sealed.sealedKey(), sealed.nonce(), sealed.ciphertext(), Instant.now()));
        }
    }

    private static boolean isExportRequest(ConsumerRecord<String, byte[]> record, GoalsApi api) {
        return api.tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT))
                && EventType.CLIENT_EXPORT_REQUESTED.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }
}
