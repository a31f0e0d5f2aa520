package app.steady.platform.keys;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.platform.crypto.AesGcm;
import app.steady.platform.events.EventJson;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes event data for the outbox with its health fields sealed under the client's data key (see
 * {@link SealedFields}). An event whose health fields are all absent travels in clear and needs no key.
 */
public class EventSealer {

    private final EventJson json;
    private final DataKeyStore keys;

    public EventSealer(EventJson json, DataKeyStore keys) {
        this.json = json;
        this.keys = keys;
    }

    /**
     * A sealer without a key store, for tools and tests that only write events without health data: it refuses to
     * write one with health data rather than write it in clear.
     */
    public static EventSealer withoutKeys(EventJson json) {
        return new EventSealer(json, null);
    }

    public String write(EventType type, String tenant, EventData data) {
        List<String> fields = SealedFields.of(type);
        if (fields.isEmpty()) {
            return json.writeAsString(data);
        }
        ObjectNode tree = json.toTree(data);
        ObjectNode health = tree.objectNode();
        for (String field : fields) {
            if (tree.has(field)) {
                health.set(field, tree.remove(field));
            }
        }
        if (health.isEmpty()) {
            return json.writeAsString(tree);
        }
        if (keys == null) {
            throw new IllegalStateException(type.type() + " carries health data and this recorder has no data keys");
        }
        DataKey key = keys.keyFor(tenant, data.subjectId());
        byte[] ciphertext = AesGcm.encrypt(key.key(), json.write(health),
                SealedFields.associatedData(type.type(), tenant, data.subjectId(), key.keyId()));
        ObjectNode sealed = tree.putObject(SealedFields.SEALED);
        sealed.put(SealedFields.KEY_ID, key.keyId());
        sealed.put(SealedFields.CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
        return json.writeAsString(tree);
    }
}
