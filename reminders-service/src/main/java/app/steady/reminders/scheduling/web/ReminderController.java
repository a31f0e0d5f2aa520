package app.steady.reminders.scheduling.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.web.Ids;
import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.SuppressionReason;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's upcoming and past reminders with their life cycle, for the client and their therapist; and, for the
 * treating therapist only, the notifications about the client that went to clinicians (never in the client's list).
 */
@RestController
@Validated
class ReminderController {

    private final MongoTemplate mongo;
    private final ClientAccess access;

    ReminderController(MongoTemplate mongo, ClientAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    @GetMapping("/clients/{clientId}/reminders")
    List<ReminderView> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                            @RequestParam(required = false) ReminderStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        access.requireAccess(caller, clientId);
        return find(caller, clientId, FOR_THE_CLIENT, status, page, size).stream().map(ReminderView::of).toList();
    }

    @GetMapping("/clients/{clientId}/clinical-notifications")
    List<ClinicalNotificationView> clinical(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                            @RequestParam(required = false) ReminderStatus status,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        access.requireAccess(caller, clientId);
        if (caller.role() != Role.THERAPIST) {
            throw new AccessDeniedException("Clinical notifications are for the treating therapist");
        }
        return find(caller, clientId, FOR_CLINICIANS, status, page, size).stream().map(ClinicalNotificationView::of).toList();
    }

    private List<Reminder> find(Caller caller, String clientId, List<ReminderKind> kinds, ReminderStatus status, int page,
                                int size) {
        Criteria criteria = where("tenantId").is(caller.tenantId()).and("clientId").is(clientId).and("kind").in(kinds);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "dueAt"))),
                Reminder.class);
    }

    private static final List<ReminderKind> FOR_THE_CLIENT =
            Arrays.stream(ReminderKind.values()).filter(ReminderKind::isForClient).toList();
    private static final List<ReminderKind> FOR_CLINICIANS =
            Arrays.stream(ReminderKind.values()).filter(kind -> !kind.isForClient()).toList();

    /** A notification to a clinician about the client: to whom (a therapist id or on-call), and why on-call. */
    record ClinicalNotificationView(String idempotencyKey, ReminderKind kind, String recipientId, String about,
                                    OnCallReason onCallReason, Instant dueAt, Instant sendAt, ReminderStatus status,
                                    String channel, int attempts, Instant sentAt) {
        static ClinicalNotificationView of(Reminder r) {
            return new ClinicalNotificationView(r.idempotencyKey(), r.kind(), r.recipientId(), r.occurrenceId(),
                    r.onCallReason(), r.dueAt(), r.sendAt(), r.status(), r.channel(), r.attempts(), r.sentAt());
        }
    }

    record ReminderView(String idempotencyKey, ReminderKind kind, String assignmentId, String occurrenceId,
                        Instant dueAt, Instant sendAt, ReminderStatus status, SuppressionReason suppressedBecause,
                        String channel, int attempts, Instant sentAt) {
        static ReminderView of(Reminder r) {
            return new ReminderView(r.idempotencyKey(), r.kind(), r.assignmentId(), r.occurrenceId(), r.dueAt(),
                    r.sendAt(), r.status(), r.suppressedBecause(), r.channel(), r.attempts(), r.sentAt());
        }
    }
}
