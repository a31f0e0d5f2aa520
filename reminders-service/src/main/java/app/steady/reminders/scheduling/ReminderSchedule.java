package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCancelled;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.events.homework.HomeworkUpdated;
import app.steady.events.homework.Occurrence;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.planning.Boundaries;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.ReminderPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the reminder schedule in step with homework: plans reminders for the occurrences homework-service
 * publishes and cancels them the moment an occurrence is done, skipped or cancelled. Idempotent: a reminder's id is
 * its idempotency key, planning only touches reminders still SCHEDULED, and cancelling a cancelled one changes nothing.
 */
@Component
class ReminderSchedule implements EventHandler {

    private final MongoTemplate mongo;
    private final ClientBoundaries boundaries;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderSchedule(MongoTemplate mongo, ClientBoundaries boundaries, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.boundaries = boundaries;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.HOMEWORK_ASSIGNED, EventType.HOMEWORK_UPDATED, EventType.HOMEWORK_COMPLETED,
                EventType.HOMEWORK_SKIPPED, EventType.HOMEWORK_CANCELLED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            if (event.data() instanceof HomeworkAssigned assigned) {
                plan(event.tenant(), assigned.clientId(), assigned.assignmentId(), assigned.timeZone(), assigned.occurrences());
            } else if (event.data() instanceof HomeworkUpdated updated) {
                List<String> kept = updated.occurrences().stream().map(Occurrence::occurrenceId).toList();
                cancel(event.tenant(), where("assignmentId").is(updated.assignmentId())
                        .and("dueAt").gte(updated.effectiveFrom()).and("occurrenceId").nin(kept));
                plan(event.tenant(), updated.clientId(), updated.assignmentId(), updated.timeZone(), updated.occurrences());
            } else if (event.data() instanceof HomeworkCompleted completed) {
                cancel(event.tenant(), where("assignmentId").is(completed.assignmentId())
                        .and("occurrenceId").is(completed.occurrenceId()));
            } else if (event.data() instanceof HomeworkSkipped skipped) {
                cancel(event.tenant(), where("assignmentId").is(skipped.assignmentId())
                        .and("occurrenceId").is(skipped.occurrenceId()));
            } else if (event.data() instanceof HomeworkCancelled cancelled) {
                cancel(event.tenant(), where("assignmentId").is(cancelled.assignmentId()));
            }
        }
    }

    /** Re-plans a client's pending reminders when their boundaries change (time zone, quiet hours, pauses, opt-outs). */
    @EventListener
    void boundariesChanged(ClientBoundaries.BoundariesChanged changed) {
        List<Reminder> pending = mongo.find(Query.query(where("tenantId").is(changed.tenantId())
                .and("clientId").is(changed.clientId())
                .and("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED)
                .and("windowClosesAt").gt(clock.instant())), Reminder.class);
        for (Reminder reminder : pending) {
            Boundaries limits = boundaries.of(changed.tenantId(), changed.clientId(), ZoneId.of(reminder.timeZone()));
            reminder.apply(ReminderPlanner.plan(reminder.kind(), reminder.intendedAt(), reminder.windowClosesAt(), limits));
            mongo.save(reminder);
        }
    }

    private void plan(String tenantId, String clientId, String assignmentId, String timeZone, List<Occurrence> occurrences) {
        Instant now = clock.instant();
        Boundaries limits = boundaries.of(tenantId, clientId, ZoneId.of(timeZone));
        for (Occurrence occurrence : occurrences) {
            if (!occurrence.windowClosesAt().isAfter(now)) {
                continue;
            }
            schedule(tenantId, clientId, assignmentId, timeZone, occurrence, ReminderKind.HOMEWORK,
                    occurrence.dueAt().minus(properties.leadTime()), limits);
            if (!properties.followUpBeforeClose().isZero()) {
                schedule(tenantId, clientId, assignmentId, timeZone, occurrence, ReminderKind.HOMEWORK_FOLLOW_UP,
                        occurrence.windowClosesAt().minus(properties.followUpBeforeClose()), limits);
            }
        }
    }

    private void schedule(String tenantId, String clientId, String assignmentId, String timeZone, Occurrence occurrence,
                          ReminderKind kind, Instant intendedAt, Boundaries limits) {
        Reminder planned = Reminder.plan(tenantId, clientId, assignmentId, occurrence.occurrenceId(), kind,
                occurrence.dueAt(), intendedAt, occurrence.windowClosesAt(), timeZone,
                ReminderPlanner.plan(kind, intendedAt, occurrence.windowClosesAt(), limits));
        // Insert if new; if it exists, re-plan only while it is still waiting (never resurrect a sent or cancelled one).
        Update update = new Update()
                .setOnInsert("tenantId", tenantId).setOnInsert("clientId", clientId)
                .setOnInsert("recipientId", planned.recipientId()).setOnInsert("kind", kind)
                .setOnInsert("assignmentId", assignmentId).setOnInsert("occurrenceId", occurrence.occurrenceId())
                .setOnInsert("attempts", 0).setOnInsert("revision", 0L)
                .set("dueAt", planned.dueAt()).set("intendedAt", intendedAt)
                .set("windowClosesAt", planned.windowClosesAt()).set("timeZone", timeZone)
                .set("status", planned.status()).set("sendAt", planned.sendAt())
                .set("suppressedBecause", planned.suppressedBecause());
        Query stillWaiting = Query.query(where("_id").is(planned.id())
                .orOperator(where("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED),
                        where("status").exists(false)));
        try {
            mongo.upsert(stillWaiting, update, Reminder.class);
        } catch (org.springframework.dao.DuplicateKeyException alreadyPastWaiting) {
            // It exists and was sent, cancelled or is being dispatched: leave it as it is.
        }
    }

    private void cancel(String tenantId, Criteria which) {
        mongo.updateMulti(Query.query(new Criteria().andOperator(where("tenantId").is(tenantId), which,
                        where("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED))),
                new Update().set("status", ReminderStatus.CANCELLED).unset("sendAt").inc("revision", 1), Reminder.class);
    }
}
