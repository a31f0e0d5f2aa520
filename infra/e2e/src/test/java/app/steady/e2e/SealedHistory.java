package app.steady.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.platform.crypto.AesGcm;
import app.steady.platform.keys.MasterKeys;
import app.steady.platform.keys.SealedFields;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kafka's history the way the strongest outsider could: with every record of every topic and the master keys
 * themselves. It opens whatever the key topics still allow, and reports the client's health data it can read, in
 * clear or sealed.
 */
final class SealedHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<KafkaHistory.Entry> entries;
    private final Map<String, SecretKey> liveKeys = new HashMap<>();

    SealedHistory(List<KafkaHistory.Entry> entries, MasterKeys masterKeys) {
        this.entries = entries;
        for (KafkaHistory.Entry entry : entries) {
            if (!entry.topic().endsWith(".keys") || entry.key() == null) {
                continue;
            }
            if (entry.value() == null) {
                liveKeys.remove(entry.key());
            } else {
                JsonNode record = JSON.readTree(entry.value());
                masterKeys.unwrap(record.path("wrapped").asString(), entry.key())
                        .ifPresent(key -> liveKeys.put(entry.key(), key));
            }
        }
    }

    /** Every health field of the client's events that can be read, with the topic it was read on. */
    List<String> readableHealthDataOf(String client) {
        List<String> readable = new ArrayList<>();
        for (KafkaHistory.Entry entry : entries) {
            if (!client.equals(entry.header(CloudEventHeaders.SUBJECT)) || entry.value() == null) {
                continue;
            }
            Optional<EventType> type = EventType.ofType(entry.header(CloudEventHeaders.TYPE));
            JsonNode data;
            try {
                data = JSON.readTree(entry.value());
            } catch (RuntimeException notJson) {
                continue;
            }
            if (type.isEmpty() || !data.isObject()) {
                continue;
            }
            for (String field : SealedFields.of(type.get())) {
                if (data.has(field)) {
                    readable.add(entry.topic() + ": " + field + " in clear");
                }
            }
            JsonNode sealed = data.get(SealedFields.SEALED);
            if (sealed != null) {
                open(type.get(), entry.header(CloudEventHeaders.TENANT), client, sealed)
                        .ifPresent(opened -> readable.add(entry.topic() + ": " + type.get().type() + " opens to " + opened));
            }
        }
        return readable;
    }

    /** The client's data key on a producer's key topic, if the history still holds it. */
    Optional<SecretKey> liveKey(String keyId) {
        return Optional.ofNullable(liveKeys.get(keyId));
    }

    private Optional<String> open(EventType type, String tenant, String client, JsonNode sealed) {
        String keyId = sealed.path(SealedFields.KEY_ID).asString();
        SecretKey key = liveKeys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(AesGcm.decrypt(key,
                    Base64.getDecoder().decode(sealed.path(SealedFields.CIPHERTEXT).asString()),
                    SealedFields.associatedData(type.type(), tenant, client, keyId)), UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
