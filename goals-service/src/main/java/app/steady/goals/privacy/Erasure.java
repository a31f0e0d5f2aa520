package app.steady.goals.privacy;

import app.steady.events.privacy.ClientErased;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An erasure and its proof: which services have acknowledged it, when, and what they erased. Holds no personal
 * data: the client appears only as the digest of {@code tenant:client}.
 */
@Document("erasures")
@PublishesEvents
public class Erasure {

    /** Every service that holds client data; the erasure is complete when all have acknowledged it. */
    static final Set<String> SERVICES = Set.of("goals-service", "homework-service", "reminders-service", "analytics-service");

    @Id
    private String id;
    private String tenantId;
    @Indexed
    private String subject;
    private String requestedByRole;
    private Instant requestedAt;
    private Map<String, Acknowledgement> acknowledgements = new LinkedHashMap<>();
    private Instant completedAt;
    @Version
    private Long version;

    /**
     * One service's acknowledgement, as it observed its erasure: what each of its collections and key stores reported
     * removed ({@code parts}; none from services that acknowledged before parts were reported).
     */
    public record Acknowledgement(Instant erasedAt, long documentsErased, boolean keysDestroyed,
                                  List<ClientErased.Part> parts) {
    }

    protected Erasure() {
    }

    static Erasure requested(String id, String tenantId, String subject, String requestedByRole, Instant now) {
        Erasure erasure = new Erasure();
        erasure.id = id;
        erasure.tenantId = tenantId;
        erasure.subject = subject;
        erasure.requestedByRole = requestedByRole;
        erasure.requestedAt = now;
        return erasure;
    }

    /** Records a service's acknowledgement; false if it was already recorded (redelivery). */
    boolean acknowledge(ClientErased erased) {
        if (acknowledgements.containsKey(erased.service())) {
            return false;
        }
        acknowledgements.put(erased.service(), new Acknowledgement(erased.erasedAt(), erased.documentsErased(),
                erased.keysDestroyed(), erased.parts() == null ? List.of() : List.copyOf(erased.parts())));
        if (completedAt == null && acknowledgements.keySet().containsAll(SERVICES)) {
            completedAt = erased.erasedAt();
        }
        return true;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String subject() { return subject; }
    public String requestedByRole() { return requestedByRole; }
    public Instant requestedAt() { return requestedAt; }
    public Map<String, Acknowledgement> acknowledgements() { return Map.copyOf(acknowledgements); }
    public Instant completedAt() { return completedAt; }
    public boolean isComplete() { return completedAt != null; }
}
