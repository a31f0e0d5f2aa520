package app.steady.goals.agreement;

import app.steady.events.EventData;
import app.steady.events.goals.GoalSet;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's goal and its agreement. The proposer agrees to their own proposal; the goal is set when the other party
 * agrees to the same content version. Lifecycle methods return the events the change causes.
 */
@Document("goals")
@PublishesEvents
public class Goal {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String therapistId;
    private GoalContent content;
    private int contentVersion;
    private GoalStatus status;
    private Party proposedBy;
    private Integer clientAgreedVersion;
    private Integer therapistAgreedVersion;
    private Instant proposedAt;
    private Instant agreedAt;
    /** Optimistic concurrency: the stored revision this object was read at (the API's ETag). */
    @Version
    private Long revision;

    protected Goal() {
    }

    static Goal propose(String id, String tenantId, String clientId, String therapistId, GoalContent content,
                        Party proposer, Instant now) {
        Goal goal = new Goal();
        goal.id = id;
        goal.tenantId = tenantId;
        goal.clientId = clientId;
        goal.therapistId = therapistId;
        goal.content = content;
        goal.contentVersion = 1;
        goal.status = GoalStatus.PROPOSED;
        goal.proposedBy = proposer;
        goal.proposedAt = now;
        goal.recordAgreement(proposer);
        return goal;
    }

    /**
     * One party agrees to the given content version. When both have agreed to the current version the goal is set.
     *
     * @throws ConflictException if the goal is not open for agreement or the version is not the current one
     */
    List<EventData> agree(Party party, int version, Instant now) {
        if (status != GoalStatus.PROPOSED) {
            throw new ConflictException("INVALID_TRANSITION", "Goal is " + status + "; only a proposed goal can be agreed");
        }
        if (version != contentVersion) {
            throw new ConflictException("VERSION_CHANGED",
                    "You agreed to version " + version + " but the goal is now at version " + contentVersion);
        }
        recordAgreement(party);
        if (!agreedByBoth()) {
            return List.of();
        }
        status = GoalStatus.AGREED;
        agreedAt = now;
        return List.of(new GoalSet(id, clientId, therapistId, contentVersion, content.targetDate(), content.weight(),
                false, now));
    }

    private void recordAgreement(Party party) {
        if (party == Party.CLIENT) {
            clientAgreedVersion = contentVersion;
        } else {
            therapistAgreedVersion = contentVersion;
        }
    }

    boolean agreedByBoth() {
        return Integer.valueOf(contentVersion).equals(clientAgreedVersion)
                && Integer.valueOf(contentVersion).equals(therapistAgreedVersion);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public GoalContent content() { return content; }
    public int contentVersion() { return contentVersion; }
    public GoalStatus status() { return status; }
    public Party proposedBy() { return proposedBy; }
    public boolean agreedBy(Party party) {
        Integer agreed = party == Party.CLIENT ? clientAgreedVersion : therapistAgreedVersion;
        return Integer.valueOf(contentVersion).equals(agreed);
    }
    public Instant proposedAt() { return proposedAt; }
    public Instant agreedAt() { return agreedAt; }
    public Long revision() { return revision; }
}
