package app.steady.events.privacy;

import app.steady.events.PerServiceEventData;
import java.time.Instant;

/**
 * One service's part of a client's data export, sealed for the requesting export: {@code ciphertext} is the part
 * (JSON) under AES-256-GCM with {@code nonce}; {@code sealedKey} is that AES key under the export's RSA-OAEP key.
 */
public record ClientDataExported(String exportId, String clientId, String service, String sealedKey, String nonce,
                                 String ciphertext, Instant exportedAt) implements PerServiceEventData {
    public String subjectId() { return clientId; }
}
