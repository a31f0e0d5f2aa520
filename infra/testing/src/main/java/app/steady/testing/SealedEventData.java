package app.steady.testing;

import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.platform.events.EventJson;
import app.steady.platform.keys.EventOpener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published event's data as its consumers read it: the sealed health fields opened with the key from the key
 * topics (by the service's own {@link EventOpener}), waiting briefly for the key to arrive.
 */
public final class SealedEventData {

    private static final EventJson JSON = new EventJson();

    private SealedEventData() {
    }

    public static ObjectNode opened(EventOpener opener, ConsumerRecord<String, byte[]> record) {
        EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
        AtomicReference<ObjectNode> opened = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ObjectNode data = (ObjectNode) JSON.readTree(record.value());
            EventOpener.Opened result = opener.open(type, KafkaTestClient.header(record, CloudEventHeaders.TENANT),
                    KafkaTestClient.header(record, CloudEventHeaders.SUBJECT), data);
            if (result instanceof EventOpener.Broken broken) {
                throw new AssertionError("sealed data does not open: " + broken.reason());
            }
            opened.set(data);
            return !(result instanceof EventOpener.KeyUnknown);
        });
        return opened.get();
    }
}
