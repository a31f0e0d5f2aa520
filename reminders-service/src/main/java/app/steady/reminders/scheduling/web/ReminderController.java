package app.steady.reminders.scheduling.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.SuppressionReason;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client's upcoming and past reminders with their life cycle, for the client and their therapist. */
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
        Criteria criteria = where("tenantId").is(caller.tenantId()).and("clientId").is(clientId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "dueAt"))),
                Reminder.class).stream().map(ReminderView::of).toList();
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
