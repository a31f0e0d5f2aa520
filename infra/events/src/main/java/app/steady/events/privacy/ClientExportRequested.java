package app.steady.events.privacy;

import app.steady.events.EventData;
import java.time.Instant;

/**
 * A client asked for a copy of everything the platform holds on them (right of access). {@code publicKey} is a
 * one-off RSA key (X.509, base64): services seal their part with it, so the copies of the parts in Kafka are
 * readable only by goals-service, which destroys the private key once the bundle is assembled.
 */
public record ClientExportRequested(String exportId, String clientId, String publicKey, Instant requestedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
