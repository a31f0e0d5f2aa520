package app.steady.platform.keys;

import app.steady.events.EventType;
import app.steady.platform.crypto.AesGcm;
import app.steady.platform.events.EventJson;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts an event's sealed health fields back into its data with the key from the key topics, before the data is
 * validated and bound. Events written before sealing existed (no {@code sealed} object) are read as they are.
 */
public class EventOpener {

    private final EventJson json;
    private final DataKeyReplica keys;

    public EventOpener(EventJson json, DataKeyReplica keys) {
        this.json = json;
        this.keys = keys;
    }

    public sealed interface Opened permits Clear, Unsealed, KeyUnknown, KeyDestroyed, Broken {
    }

    /** There was nothing sealed. */
    public record Clear() implements Opened {
    }

    /** The sealed fields are back in the data. */
    public record Unsealed() implements Opened {
    }

    /** The key is not known here yet: its record has not arrived (or, after a restart, the client was erased). */
    public record KeyUnknown(String keyId) implements Opened {
    }

    /** The key's tombstone was read: the client was erased and this event can never be read again. */
    public record KeyDestroyed(String keyId) implements Opened {
    }

    /** The sealed object is malformed or does not open with its key: it never will. */
    public record Broken(String reason) implements Opened {
    }

    /** Opens {@code data} in place. */
    public Opened open(EventType type, String tenant, String subject, ObjectNode data) {
        JsonNode sealed = data.get(SealedFields.SEALED);
        if (sealed == null) {
            return new Clear();
        }
        JsonNode keyId = sealed.get(SealedFields.KEY_ID);
        JsonNode ciphertext = sealed.get(SealedFields.CIPHERTEXT);
        if (!sealed.isObject() || keyId == null || !keyId.isString() || ciphertext == null || !ciphertext.isString()) {
            return new Broken("sealed must be an object with keyId and ciphertext");
        }
        Optional<SecretKey> key = keys.key(keyId.asString());
        if (key.isEmpty()) {
            return keys.isDestroyed(keyId.asString()) ? new KeyDestroyed(keyId.asString()) : new KeyUnknown(keyId.asString());
        }
        JsonNode health;
        try {
            byte[] plain = AesGcm.decrypt(key.get(), Base64.getDecoder().decode(ciphertext.asString()),
                    SealedFields.associatedData(type.type(), tenant, subject, keyId.asString()));
            health = json.readTree(plain);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Broken("sealed data does not open with data key " + keyId.asString()
                    + " for this type, tenant and subject");
        }
        if (!health.isObject()) {
            return new Broken("sealed data is not an object");
        }
        data.remove(SealedFields.SEALED);
        for (String field : health.propertyNames()) {
            if (!SealedFields.of(type).contains(field) || data.has(field)) {
                return new Broken("sealed data carries " + field + ", which is not a sealed field of " + type.type()
                        + " or is also in clear");
            }
            data.set(field, health.get(field));
        }
        return new Unsealed();
    }
}
