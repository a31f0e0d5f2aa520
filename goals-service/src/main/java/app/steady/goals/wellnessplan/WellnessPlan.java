package app.steady.goals.wellnessplan;

import app.steady.events.EventData;
import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.goals.agreement.Party;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client's wellness plan: the agreed version in force, an optional draft either party is writing, and the
 * history of earlier agreed versions. A draft becomes the plan when both parties agree to the same draft version;
 * any edit needs the other party's agreement again.
 */
@Document("wellness_plans")
@PublishesEvents
public class WellnessPlan {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private PlanContent agreed;
    private int agreedVersion;
    private Instant agreedAt;
    private PlanContent draft;
    private int draftVersion;
    private Party draftBy;
    private Integer clientAgreedDraft;
    private Integer therapistAgreedDraft;
    private List<PlanVersion> history = new ArrayList<>();
    @Version
    private Long revision;

    protected WellnessPlan() {
    }

    static WellnessPlan emptyFor(String tenantId, String clientId) {
        WellnessPlan plan = new WellnessPlan();
        plan.id = idOf(tenantId, clientId);
        plan.tenantId = tenantId;
        plan.clientId = clientId;
        return plan;
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    /** Writes (or rewrites) the draft; the writer agrees to it, the other party must agree again. */
    void writeDraft(Party writer, PlanContent content) {
        draft = content;
        draftVersion = Math.max(draftVersion, agreedVersion) + 1;
        draftBy = writer;
        clientAgreedDraft = writer == Party.CLIENT ? draftVersion : null;
        therapistAgreedDraft = writer == Party.THERAPIST ? draftVersion : null;
    }

    List<EventData> agree(Party party, int version, Instant now) {
        if (draft == null) {
            throw new ConflictException("INVALID_TRANSITION", "There is no draft of the plan to agree to");
        }
        if (version != draftVersion) {
            throw new ConflictException("VERSION_CHANGED",
                    "You agreed to version " + version + " but the draft is at version " + draftVersion);
        }
        if (party == Party.CLIENT) {
            clientAgreedDraft = version;
        } else {
            therapistAgreedDraft = version;
        }
        if (!Integer.valueOf(version).equals(clientAgreedDraft) || !Integer.valueOf(version).equals(therapistAgreedDraft)) {
            return List.of();
        }
        if (agreed != null) {
            history.add(new PlanVersion(agreedVersion, agreed, agreedAt, now));
        }
        agreed = draft;
        agreedVersion = draftVersion;
        agreedAt = now;
        draft = null;
        draftBy = null;
        clientAgreedDraft = null;
        therapistAgreedDraft = null;
        return List.of(new WellnessPlanUpdated(id, clientId, agreedVersion, now, agreed.copingStrategies(),
                agreed.contacts().stream().map(c -> new WellnessPlanUpdated.Contact(c.name(), c.relationship(), c.phone()))
                        .toList()));
    }

    boolean isStored() {
        return revision != null;
    }

    public boolean draftAgreedBy(Party party) {
        Integer agreedTo = party == Party.CLIENT ? clientAgreedDraft : therapistAgreedDraft;
        return draft != null && Integer.valueOf(draftVersion).equals(agreedTo);
    }

    public String clientId() { return clientId; }
    public PlanContent agreed() { return agreed; }
    public int agreedVersion() { return agreedVersion; }
    public Instant agreedAt() { return agreedAt; }
    public PlanContent draft() { return draft; }
    public int draftVersion() { return draftVersion; }
    public Party draftBy() { return draftBy; }
    public List<PlanVersion> history() { return List.copyOf(history); }
    public Long revision() { return revision; }
}
