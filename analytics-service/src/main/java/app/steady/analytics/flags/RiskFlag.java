package app.steady.analytics.flags;

import app.steady.events.EventData;
import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A raised flag. Its id is derived from tenant, client, kind and the source key of the sign that raised it, so the same
 * sign cannot raise it twice; {@code signs} lists every sign it holds (the one that raised it and those it absorbed while
 * open). While open it holds {@code openSlot} = tenant:client:kind, unique in the store, so a client has at most one open
 * flag of a kind; acknowledgement frees the slot.
 */
@Document("risk_flags")
@CompoundIndex(name = "client_flags", def = "{'tenantId': 1, 'clientId': 1, 'raisedAt': -1}")
@PublishesEvents
public class RiskFlag {

    /** Evidence lines a flag keeps at most (the event contract's limit): the first ones and the newest "again" lines. */
    static final int MAX_EVIDENCE = 20;

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String therapistId;
    private FlagKind kind;
    private FlagKind.Priority priority;
    private List<String> evidence;
    private List<String> signs;
    @Indexed(name = "open_slot", unique = true, sparse = true)
    private String openSlot;
    private Instant raisedAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    @Version
    private Long revision;

    protected RiskFlag() {
    }

    static RiskFlag raise(String tenantId, String clientId, String therapistId, FlagCandidate candidate) {
        RiskFlag flag = new RiskFlag();
        flag.id = idOf(tenantId, clientId, candidate);
        flag.tenantId = tenantId;
        flag.clientId = clientId;
        flag.therapistId = therapistId;
        flag.kind = candidate.kind();
        flag.priority = candidate.kind().priority();
        flag.evidence = List.copyOf(candidate.evidence());
        flag.signs = List.of(candidate.signKey());
        flag.openSlot = slotOf(tenantId, clientId, candidate.kind());
        flag.raisedAt = candidate.at();
        return flag;
    }

    static String idOf(String tenantId, String clientId, FlagCandidate candidate) {
        return String.join(":", tenantId, clientId, candidate.kind().name(), candidate.sourceKey());
    }

    static String slotOf(String tenantId, String clientId, FlagKind kind) {
        return String.join(":", tenantId, clientId, kind.name());
    }

    /**
     * The same sign again while this flag is open: one line of evidence ("again on 2026-03-31: …") and no event, so
     * nobody is paged again.
     */
    List<EventData> absorb(FlagCandidate candidate) {
        List<String> lines = new ArrayList<>(evidence);
        lines.add("again on " + candidate.at().atZone(ZoneOffset.UTC).toLocalDate() + ": " + candidate.evidence().get(0));
        int original = Math.min(raisedEvidence(), MAX_EVIDENCE / 2);
        while (lines.size() > MAX_EVIDENCE) {
            lines.remove(original);
        }
        evidence = List.copyOf(lines);
        List<String> held = new ArrayList<>(signs == null ? List.of() : signs);
        held.add(candidate.signKey());
        signs = List.copyOf(held);
        return List.of();
    }

    private int raisedEvidence() {
        int lines = 0;
        while (lines < evidence.size() && !evidence.get(lines).startsWith("again on ")) {
            lines++;
        }
        return lines;
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
        openSlot = null;
        // A flag raised while the client had no therapist is acknowledged by the one who took it up.
        return List.of(new RiskFlagAcknowledged(publicId(), clientId, therapistId == null ? therapist : therapistId,
                therapist, now));
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public List<String> signs() { return signs == null ? List.of() : signs; }
    public FlagKind kind() { return kind; }
    public FlagKind.Priority priority() { return priority; }
    public List<String> evidence() { return evidence; }
    public Instant raisedAt() { return raisedAt; }
    public String acknowledgedBy() { return acknowledgedBy; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Long revision() { return revision; }
}
