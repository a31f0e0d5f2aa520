package app.steady.testing;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** CloudEvents headers and golden examples for tests that put events on a topic the way a producer would. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The binary-mode headers of a valid event of this type from its rightful producer. */
    public static Map<String, String> headers(EventType type, String tenant, String subject) {
        return headers(type.type(), type.topic().producer(), tenant, subject, UUID.randomUUID().toString());
    }

    public static Map<String, String> headers(String type, String source, String tenant, String subject, String id) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TENANT, tenant);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        return headers;
    }

    /**
     * Publishes event data the way its producer would: on its type's topic, keyed by its subject, with valid CloudEvents
     * headers for the tenant.
     */
    public static void publish(TopicNames topics, EventJson json, String tenant, EventData data) {
        EventType type = EventType.of(data);
        KafkaTestClient.shared().send(topics.of(type.topic()), data.subjectId(),
                headers(type, tenant, data.subjectId()), json.write(data));
    }

    /** The contract's golden example of a type, as JSON text. */
    public static String goldenExample(EventType type) {
        try (InputStream in = TestEvents.class.getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("No golden example for " + type.type());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
