package app.steady.goals.agreement;

import app.steady.events.EventData;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalDiscontinued;
import app.steady.events.goals.GoalProgressRecorded;
import app.steady.events.goals.GoalRevised;
import app.steady.events.goals.GoalSet;
import app.steady.goals.attainment.AttainmentScale;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's goal, set together with their therapist (shared decision-making): a goal or a revision of it takes
 * effect only when both parties have agreed to the same content version, and a change by one party after the
 * other agreed needs their agreement again. Lifecycle:
 *
 * <pre>
 *   PROPOSED ──both agree──▶ AGREED ──activate / first check-in──▶ ACTIVE ──▶ ACHIEVED
 *       │                      │  ▲                                  │  ▲
 *       └──────────────────────┴──┼── discontinue ───────────────────┴──┼──▶ DISCONTINUED
 *                                 └── revision agreed by both (old version kept as REVISED) ┘
 * </pre>
 *
 * Methods that change the goal return the events the change causes; invalid transitions throw a 409
 * {@link ConflictException} with code {@code INVALID_TRANSITION}.
 */
@Document("goals")
@CompoundIndex(name = "client_goals", def = "{'tenantId': 1, 'clientId': 1, 'status': 1}")
@PublishesEvents
public class Goal {

    /** Bound on check-ins kept per goal: years of weekly check-ins. */
    static final int MAX_CHECK_INS = 1000;

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String therapistId;
    private GoalStatus status;
    private GoalContent content;
    private int contentVersion;
    private Integer clientAgreedVersion;
    private Integer therapistAgreedVersion;
    private Party proposedBy;
    private Instant proposedAt;
    private Instant agreedAt;
    private Instant activatedAt;
    private Instant closedAt;
    private GoalContent pendingRevision;
    private Party revisionProposedBy;
    private List<GoalVersion> history = new ArrayList<>();
    private Discontinuation discontinuation;
    private List<CheckIn> checkIns = new ArrayList<>();
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
        goal.recordAgreement(proposer, 1);
        return goal;
    }

    /** Changes a proposal. The editor agrees to the new version; the other party must agree again. */
    void edit(Party editor, GoalContent newContent) {
        requireStatus("edit", GoalStatus.PROPOSED);
        content = newContent;
        contentVersion++;
        clientAgreedVersion = null;
        therapistAgreedVersion = null;
        recordAgreement(editor, contentVersion);
    }

    /**
     * One party agrees to a content version: of the proposal, or of a pending revision. When both have agreed to
     * the same version it takes effect.
     */
    List<EventData> agree(Party party, int version, Instant now) {
        if (status == GoalStatus.PROPOSED) {
            requireCurrentVersion(version, contentVersion);
            recordAgreement(party, version);
            if (!agreedByBoth(contentVersion)) {
                return List.of();
            }
            status = GoalStatus.AGREED;
            agreedAt = now;
            return List.of(new GoalSet(id, clientId, therapistId, contentVersion, content.targetDate(),
                    content.weight(), content.isScaled(), now));
        }
        if (pendingRevision != null && !status.isClosed()) {
            requireCurrentVersion(version, contentVersion + 1);
            recordAgreement(party, version);
            return agreedByBoth(version) ? applyRevision(now) : List.of();
        }
        throw invalidTransition("agree to", "there is nothing to agree to while the goal is " + status);
    }

    /** The client starts working on an agreed goal. */
    void activate(Instant now) {
        requireStatus("activate", GoalStatus.AGREED);
        status = GoalStatus.ACTIVE;
        activatedAt = now;
    }

    /** Proposes a new version of an agreed or active goal; it replaces the current one once both agree. */
    void proposeRevision(Party proposer, GoalContent revised) {
        requireStatus("revise", GoalStatus.AGREED, GoalStatus.ACTIVE);
        pendingRevision = revised;
        revisionProposedBy = proposer;
        clientAgreedVersion = proposer == Party.CLIENT ? contentVersion + 1 : contentVersion;
        therapistAgreedVersion = proposer == Party.THERAPIST ? contentVersion + 1 : contentVersion;
    }

    private List<EventData> applyRevision(Instant now) {
        history.add(new GoalVersion(contentVersion, content, agreedAt, now, GoalStatus.REVISED));
        int previous = contentVersion;
        content = pendingRevision;
        contentVersion++;
        pendingRevision = null;
        revisionProposedBy = null;
        agreedAt = now;
        return List.of(new GoalRevised(id, clientId, therapistId, previous, contentVersion, content.targetDate(),
                content.weight(), content.isScaled(), now));
    }

    /**
     * The client records progress. An agreed goal becomes active with its first check-in.
     *
     * @throws InvalidRequestException when the score does not fit the goal (a GAS score for a scaled goal, a
     *                                 percentage otherwise)
     */
    CheckIn recordCheckIn(Integer attainmentScore, Integer percentComplete, int confidence, String note, Instant now) {
        requireStatus("record progress on", GoalStatus.AGREED, GoalStatus.ACTIVE);
        if (content.isScaled() && (attainmentScore == null || percentComplete != null)) {
            throw new InvalidRequestException("attainmentScore",
                    "this goal has an attainment scale: give a score from -2 to +2 (and no percentComplete)");
        }
        if (!content.isScaled() && (percentComplete == null || attainmentScore != null)) {
            throw new InvalidRequestException("percentComplete",
                    "this goal has no attainment scale: give percentComplete from 0 to 100 (and no attainmentScore)");
        }
        if (checkIns.size() >= MAX_CHECK_INS) {
            throw new ConflictException("TOO_MANY_CHECK_INS", "This goal already has " + MAX_CHECK_INS + " check-ins");
        }
        if (status == GoalStatus.AGREED) {
            activate(now);
        }
        CheckIn checkIn = new CheckIn(UUID.randomUUID().toString(), now, attainmentScore, percentComplete,
                confidence, note, null, null);
        checkIns.add(checkIn);
        return checkIn;
    }

    /** The event of a recorded check-in, with the client's T-score across their scaled goals after it. */
    EventData progressRecorded(CheckIn checkIn, Double clientTScore) {
        return new GoalProgressRecorded(id, clientId, therapistId, checkIn.id(), checkIn.attainmentScore(),
                checkIn.percentComplete(), checkIn.confidence(), clientTScore, checkIn.recordedAt());
    }

    void commentOnCheckIn(String checkInId, String comment, Instant now) {
        for (int i = 0; i < checkIns.size(); i++) {
            if (checkIns.get(i).id().equals(checkInId)) {
                checkIns.set(i, checkIns.get(i).withComment(comment, now));
                return;
            }
        }
        throw new NotFoundException("Check-in " + checkInId);
    }

    List<EventData> achieve(Instant now) {
        requireStatus("mark as achieved", GoalStatus.ACTIVE);
        status = GoalStatus.ACHIEVED;
        closedAt = now;
        pendingRevision = null;
        return List.of(new GoalAchieved(id, clientId, therapistId, now));
    }

    List<EventData> discontinue(Discontinuation why, Instant now) {
        requireStatus("discontinue", GoalStatus.PROPOSED, GoalStatus.AGREED, GoalStatus.ACTIVE);
        status = GoalStatus.DISCONTINUED;
        discontinuation = why;
        closedAt = now;
        pendingRevision = null;
        return List.of(new GoalDiscontinued(id, clientId, therapistId, why.reason().name(), now));
    }

    private void recordAgreement(Party party, int version) {
        if (party == Party.CLIENT) {
            clientAgreedVersion = version;
        } else {
            therapistAgreedVersion = version;
        }
    }

    private boolean agreedByBoth(int version) {
        return Integer.valueOf(version).equals(clientAgreedVersion)
                && Integer.valueOf(version).equals(therapistAgreedVersion);
    }

    private static void requireCurrentVersion(int agreedTo, int current) {
        if (agreedTo != current) {
            throw new ConflictException("VERSION_CHANGED",
                    "You agreed to version " + agreedTo + " but the version open for agreement is " + current
                            + "; read the goal again");
        }
    }

    private void requireStatus(String action, GoalStatus... allowed) {
        for (GoalStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw invalidTransition(action, "the goal is " + status);
    }

    private ConflictException invalidTransition(String action, String because) {
        return new ConflictException("INVALID_TRANSITION", "Cannot " + action + " this goal: " + because);
    }

    /** Whether a party has agreed to the version currently open for agreement (proposal or pending revision). */
    public boolean agreedBy(Party party) {
        int open = pendingRevision != null ? contentVersion + 1 : contentVersion;
        Integer agreed = party == Party.CLIENT ? clientAgreedVersion : therapistAgreedVersion;
        return Integer.valueOf(open).equals(agreed);
    }

    public Optional<CheckIn> latestCheckIn() {
        return checkIns.isEmpty() ? Optional.empty() : Optional.of(checkIns.get(checkIns.size() - 1));
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public GoalStatus status() { return status; }
    public GoalContent content() { return content; }
    public int contentVersion() { return contentVersion; }
    public Party proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public Instant agreedAt() { return agreedAt; }
    public Instant activatedAt() { return activatedAt; }
    public Instant closedAt() { return closedAt; }
    public GoalContent pendingRevision() { return pendingRevision; }
    public Party revisionProposedBy() { return revisionProposedBy; }
    public List<GoalVersion> history() { return List.copyOf(history); }
    public Discontinuation discontinuation() { return discontinuation; }
    public List<CheckIn> checkIns() { return List.copyOf(checkIns); }
    public Long revision() { return revision; }

    /** The scale of the goal, if it has one. */
    public Optional<AttainmentScale> scale() {
        return Optional.ofNullable(content.scale());
    }
}
