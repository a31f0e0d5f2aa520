package app.steady.goals.privacy;

import app.steady.platform.outbox.PublishesEvents;
import app.steady.platform.privacy.Sealing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's data export: the one-off private key and the sealed parts while the services answer, then the
 * assembled bundle (and no key) until it expires.
 */
@Document("exports")
@PublishesEvents
public class Export {

    /** The services that answer an export request with a part; goals-service adds its own when assembling. */
    static final Set<String> PART_SERVICES = Set.of("homework-service", "reminders-service", "analytics-service");

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private Instant requestedAt;
    private String privateKey;
    private Map<String, Sealing.Sealed> parts = new LinkedHashMap<>();
    private String bundle;
    private Instant completedAt;
    private Instant expiresAt;
    @Version
    private Long version;

    protected Export() {
    }

    static Export requested(String id, String tenantId, String clientId, String privateKey, Instant now, Instant expiresAt) {
        Export export = new Export();
        export.id = id;
        export.tenantId = tenantId;
        export.clientId = clientId;
        export.privateKey = privateKey;
        export.requestedAt = now;
        export.expiresAt = expiresAt;
        return export;
    }

    /** Keeps a service's sealed part; false if the export already has it or is complete. */
    boolean receive(String service, Sealing.Sealed part) {
        if (completedAt != null || parts.containsKey(service)) {
            return false;
        }
        parts.put(service, part);
        return true;
    }

    boolean hasAllParts() {
        return parts.keySet().containsAll(PART_SERVICES);
    }

    /** Stores the bundle and forgets the key and the sealed parts: the copies in Kafka are unreadable from now on. */
    void complete(String bundleJson, Instant now) {
        bundle = bundleJson;
        completedAt = now;
        privateKey = null;
        parts = new LinkedHashMap<>();
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public Instant requestedAt() { return requestedAt; }
    String privateKey() { return privateKey; }
    Map<String, Sealing.Sealed> parts() { return Map.copyOf(parts); }
    public Set<String> partsReceived() { return Set.copyOf(parts.keySet()); }
    public String bundle() { return bundle; }
    public Instant completedAt() { return completedAt; }
    public Instant expiresAt() { return expiresAt; }
    public boolean isComplete() { return completedAt != null; }
}
