package app.steady.reminders.scheduling;

import app.steady.events.EventData;
import app.steady.events.reminders.ReminderFailed;
import app.steady.events.reminders.ReminderSent;
import app.steady.platform.outbox.PublishesEvents;
import app.steady.reminders.planning.Decision;
import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.SuppressionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One reminder and its life cycle. Its id is its idempotency key, the same on every delivery attempt. */
@Document("reminders")
@CompoundIndex(name = "due", def = "{'status': 1, 'sendAt': 1}")
@CompoundIndex(name = "leases", def = "{'status': 1, 'leaseUntil': 1}")
@CompoundIndex(name = "client_reminders", def = "{'tenantId': 1, 'clientId': 1, 'sendAt': -1}")
@CompoundIndex(name = "assignment_reminders", def = "{'tenantId': 1, 'assignmentId': 1, 'status': 1}")
@PublishesEvents
public class Reminder {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String recipientId;
    private ReminderKind kind;
    private String assignmentId;
    private String occurrenceId;
    private Instant dueAt;
    private Instant intendedAt;
    private Instant windowClosesAt;
    private String timeZone;
    private Instant sendAt;
    private ReminderStatus status;
    private SuppressionReason suppressedBecause;
    private String channel;
    private int attempts;
    private String claimedBy;
    private Instant leaseUntil;
    private Instant sentAt;
    private String lastError;
    /** For the on-call clinicians: why the flag came to them, and the tenant's escalation time it waited. */
    private OnCallReason onCallReason;
    private Long escalationAfterSeconds;
    /** The on-call addresses (pager URLs, e-mails) already reached, so a retry reaches only the others. */
    private List<String> reachedOnCall;
    @Version
    private Long revision;

    protected Reminder() {
    }

    static String idOf(String tenantId, String clientId, String assignmentId, String occurrenceId, ReminderKind kind) {
        return String.join(":", tenantId, clientId, assignmentId, occurrenceId, kind.name());
    }

    /** How the ids of all of a client's reminders begin. */
    static String idPrefixOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId + ":";
    }

    /**
     * The key channels and events know this reminder by: a SHA-256 of client + assignment + occurrence + kind (and
     * tenant), the same on every attempt, carrying no identifiers in clear.
     */
    public String idempotencyKey() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reminder plan(String tenantId, String clientId, String assignmentId, String occurrenceId, ReminderKind kind,
                         Instant dueAt, Instant intendedAt, Instant windowClosesAt, String timeZone, Decision decision) {
        Reminder reminder = new Reminder();
        reminder.id = idOf(tenantId, clientId, assignmentId, occurrenceId, kind);
        reminder.tenantId = tenantId;
        reminder.clientId = clientId;
        reminder.recipientId = clientId;
        reminder.kind = kind;
        reminder.assignmentId = assignmentId;
        reminder.occurrenceId = occurrenceId;
        reminder.dueAt = dueAt;
        reminder.intendedAt = intendedAt;
        reminder.windowClosesAt = windowClosesAt;
        reminder.timeZone = timeZone;
        reminder.apply(decision);
        return reminder;
    }

    /** The id of the notification of {@code kind} about {@code about} (e.g. a flag), to find it again. */
    public static String notificationId(String tenantId, String clientId, String about, ReminderKind kind) {
        return idOf(tenantId, clientId, "notification", about, kind);
    }

    /**
     * A risk flag for the tenant's on-call clinicians, due at {@code sendAt}: at once, or after the tenant's escalation
     * time {@code waited} if the therapist does not acknowledge it. One per flag, whatever brings it forward.
     */
    public static Reminder toOnCall(String tenantId, String clientId, String flagId, Instant sendAt, OnCallReason reason,
                                    Duration waited) {
        Reminder reminder = notification(tenantId, clientId, "on-call", ReminderKind.RISK_ESCALATION, flagId, sendAt);
        reminder.onCallReason = reason;
        reminder.escalationAfterSeconds = waited == null ? null : waited.toSeconds();
        return reminder;
    }

    /**
     * A notification for a clinician (therapist or on-call): no completion window, due at {@code sendAt}.
     * {@code about} names what it is about (a flag id, an assignment's missed occurrence, a digest id).
     */
    public static Reminder notification(String tenantId, String clientId, String recipientId, ReminderKind kind,
                                        String about, Instant sendAt) {
        Reminder reminder = new Reminder();
        reminder.id = notificationId(tenantId, clientId, about, kind);
        reminder.tenantId = tenantId;
        reminder.clientId = clientId;
        reminder.recipientId = recipientId;
        reminder.kind = kind;
        reminder.occurrenceId = about;
        reminder.dueAt = sendAt;
        reminder.intendedAt = sendAt;
        reminder.timeZone = "UTC";
        reminder.apply(Decision.sendAt(sendAt));
        return reminder;
    }

    /** Applies a planning decision: scheduled for a time, or suppressed with its reason. */
    public void apply(Decision decision) {
        if (decision.isSuppressed()) {
            status = ReminderStatus.SUPPRESSED;
            suppressedBecause = decision.suppressed();
            sendAt = null;
        } else {
            status = ReminderStatus.SCHEDULED;
            suppressedBecause = null;
            sendAt = decision.sendAt();
        }
        claimedBy = null;
        leaseUntil = null;
    }

    /**
     * Mirrors the claim the dispatcher wrote, conditional on this revision, so that it need not read the reminder
     * back: held by {@code instance} until {@code leaseUntil}, one more attempt, the next revision.
     */
    public void claimedBy(String instance, Instant leaseUntil) {
        status = ReminderStatus.CLAIMED;
        claimedBy = instance;
        this.leaseUntil = leaseUntil;
        attempts++;
        revision++;
    }

    public List<EventData> sent(String channelName, Instant now, List<EventData> channelEvents) {
        status = ReminderStatus.SENT;
        channel = channelName;
        sentAt = now;
        claimedBy = null;
        leaseUntil = null;
        List<EventData> events = new ArrayList<>(channelEvents);
        events.add(new ReminderSent(idempotencyKey(), clientId, recipientId, kind.name(), channelName, dueAt, now));
        return events;
    }

    /** A failed attempt: retried at {@code retryAt}, or FAILED for good when there is none. */
    public List<EventData> failed(String channelName, String error, Instant now, Instant retryAt) {
        lastError = error;
        channel = channelName;
        claimedBy = null;
        leaseUntil = null;
        if (retryAt != null) {
            status = ReminderStatus.SCHEDULED;
            sendAt = retryAt;
            return List.of();
        }
        status = ReminderStatus.FAILED;
        return List.of(new ReminderFailed(idempotencyKey(), clientId, recipientId, kind.name(), channelName, "DELIVERY_FAILED",
                attempts, now));
    }

    /** Records that an on-call address was reached; kept with the attempt's outcome. */
    public void reachedOnCall(String address) {
        reachedOnCall = reachedOnCall == null ? new ArrayList<>() : new ArrayList<>(reachedOnCall);
        reachedOnCall.add(address);
    }

    public boolean hasReachedOnCall(String address) {
        return reachedOnCall != null && reachedOnCall.contains(address);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String recipientId() { return recipientId; }
    public ReminderKind kind() { return kind; }
    public String assignmentId() { return assignmentId; }
    public String occurrenceId() { return occurrenceId; }
    public Instant dueAt() { return dueAt; }
    public Instant intendedAt() { return intendedAt; }
    public Instant windowClosesAt() { return windowClosesAt; }
    public String timeZone() { return timeZone; }
    public Instant sendAt() { return sendAt; }
    public ReminderStatus status() { return status; }
    public SuppressionReason suppressedBecause() { return suppressedBecause; }
    public String channel() { return channel; }
    public int attempts() { return attempts; }
    public String claimedBy() { return claimedBy; }
    public Instant leaseUntil() { return leaseUntil; }
    public Instant sentAt() { return sentAt; }
    public String lastError() { return lastError; }
    public OnCallReason onCallReason() { return onCallReason; }
    public Duration escalationAfter() { return escalationAfterSeconds == null ? null : Duration.ofSeconds(escalationAfterSeconds); }
    public Long revision() { return revision; }
}
