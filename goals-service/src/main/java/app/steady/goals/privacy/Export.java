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
 * A client's data export: the sealed parts while the services answer, then the assembled bundle, encrypted under the
 * export's data key ({@link ExportKeys}), until the download window closes. After that only the export's id, owner
 * and dates stay for a while, so the client is told it has expired rather than that it never was.
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
    private Map<String, Sealing.Sealed> parts = new LinkedHashMap<>();
    private String encryptedBundle;
    private Instant completedAt;
    private Instant expiresAt;
    @Version
    private Long version;

    protected Export() {
    }

    static Export requested(String id, String tenantId, String clientId, Instant now, Instant expiresAt) {
        Export export = new Export();
        export.id = id;
        export.tenantId = tenantId;
        export.clientId = clientId;
        export.requestedAt = now;
        export.expiresAt = expiresAt;
        return export;
    }

    /** Keeps a service's sealed part; false if the export already has it, is complete or has expired. */
    boolean receive(String service, Sealing.Sealed part, Instant now) {
        if (completedAt != null || isExpiredAt(now) || parts.containsKey(service)) {
            return false;
        }
        parts.put(service, part);
        return true;
    }

    boolean hasAllParts() {
        return parts.keySet().containsAll(PART_SERVICES);
    }

    /** Stores the encrypted bundle and forgets the sealed parts. */
    void complete(String encryptedBundleBase64, Instant now) {
        encryptedBundle = encryptedBundleBase64;
        completedAt = now;
        parts = new LinkedHashMap<>();
    }

    /** The download window closes at {@link #expiresAt()}, assembled or not. */
    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public Instant requestedAt() { return requestedAt; }
    Map<String, Sealing.Sealed> parts() { return Map.copyOf(parts); }
    public Set<String> partsReceived() { return Set.copyOf(parts.keySet()); }
    String encryptedBundle() { return encryptedBundle; }
    public Instant completedAt() { return completedAt; }
    public Instant expiresAt() { return expiresAt; }
    public boolean isComplete() { return completedAt != null; }
}
