package app.steady.analytics.flags;

import app.steady.events.EventData;
import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A raised flag. Its id is derived from client, kind and episode, so the same episode cannot raise it twice. */
@Document("risk_flags")
@CompoundIndex(name = "client_flags", def = "{'tenantId': 1, 'clientId': 1, 'raisedAt': -1}")
@PublishesEvents
public class RiskFlag {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String therapistId;
    private FlagKind kind;
    private FlagKind.Priority priority;
    private List<String> evidence;
    private Instant raisedAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    @Version
    private Long revision;

    protected RiskFlag() {
    }

    static RiskFlag raise(String tenantId, String clientId, String therapistId, FlagCandidate candidate) {
        RiskFlag flag = new RiskFlag();
        flag.id = String.join(":", tenantId, clientId, candidate.kind().name(), candidate.episode());
        flag.tenantId = tenantId;
        flag.clientId = clientId;
        flag.therapistId = therapistId;
        flag.kind = candidate.kind();
        flag.priority = candidate.kind().priority();
        flag.evidence = List.copyOf(candidate.evidence());
        flag.raisedAt = candidate.at();
        return flag;
    }

    /** The id consumers and the API know the flag by: short and free of identifiers in clear. */
    public String publicId() {
        return java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    List<EventData> raised() {
        return List.of(new RiskFlagRaised(publicId(), clientId, therapistId, kind.name(), priority.name(), evidence, raisedAt));
    }

    List<EventData> acknowledge(String therapist, Instant now) {
        if (acknowledgedAt != null) {
            throw new ConflictException("ALREADY_ACKNOWLEDGED", "This flag was acknowledged " + acknowledgedAt);
        }
        acknowledgedBy = therapist;
        acknowledgedAt = now;
        return List.of(new RiskFlagAcknowledged(publicId(), clientId, therapistId, therapist, now));
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    public String clientId() { return clientId; }
    public FlagKind kind() { return kind; }
    public FlagKind.Priority priority() { return priority; }
    public List<String> evidence() { return evidence; }
    public Instant raisedAt() { return raisedAt; }
    public String acknowledgedBy() { return acknowledgedBy; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Long revision() { return revision; }
}
