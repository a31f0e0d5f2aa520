package app.steady.platform.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.events.EventType;
import app.steady.events.HealthData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire form of sealed event data, shared by the sealing producer and the opening consumer: the fields an event
 * type marks {@link HealthData} leave the data and travel, as one JSON object encrypted with AES-256-GCM under the
 * client's data key, in {@code "sealed": {"keyId": ..., "ciphertext": base64(nonce + ciphertext + tag)}}. The
 * associated data binds the ciphertext to its event type, tenant, subject and key, so it cannot be moved onto
 * another event or client and read there.
 */
public final class SealedFields {

    public static final String SEALED = "sealed";
    public static final String KEY_ID = "keyId";
    public static final String CIPHERTEXT = "ciphertext";

    private static final Map<EventType, List<String>> FIELDS = new ConcurrentHashMap<>();

    private SealedFields() {
    }

    /** The fields of this type that carry health information (empty: its events travel in clear). */
    public static List<String> of(EventType type) {
        return FIELDS.computeIfAbsent(type, t -> Arrays.stream(t.dataClass().getRecordComponents())
                .filter(component -> component.isAnnotationPresent(HealthData.class))
                .map(RecordComponent::getName).toList());
    }

    /** The associated data a sealed object is bound to (documented in docs/events.md for other implementations). */
    public static byte[] associatedData(String type, String tenant, String subject, String keyId) {
        return String.join("\n", type, tenant, subject, keyId).getBytes(UTF_8);
    }
}
