package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.planning.ReminderKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.BiConsumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable schedule: puts planned reminders in (idempotently, by their key) and takes waiting ones out.
 * Only reminders still waiting (SCHEDULED or SUPPRESSED) are ever changed: a sent, cancelled or claimed one stays as is.
 */
@Component
public class ReminderBook {

    /** The states in which a reminder may still be re-planned or cancelled. */
    private static final List<ReminderStatus> WAITING = List.of(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED);

    private final MongoTemplate mongo;
    private final DueReminders due;
    private final Counter cancelled;

    ReminderBook(MongoTemplate mongo, DueReminders due, MeterRegistry meters) {
        this.mongo = mongo;
        this.due = due;
        this.cancelled = Counter.builder("steady.reminders.cancelled")
                .description("Waiting reminders cancelled because their occurrence was done, skipped or cancelled")
                .register(meters);
    }

    /**
     * Inserts the reminder, or re-plans it if it exists and is still waiting. Every filter is exact keys ({@code _id},
     * or {@code _id} and one status), which the embedded store serves from a unique index (issue 17); a status
     * {@code $in} would make it read every reminder for each one planned. A new reminder costs one upsert.
     */
    public void put(Reminder planned) {
        fileIfDue(planned);
        if (mongo.upsert(Query.query(where("_id").is(planned.id())), insertOrPlan(planned, false), Reminder.class)
                .getUpsertedId() != null) {
            return;
        }
        Update replan = insertOrPlan(planned, true);
        for (ReminderStatus waiting : WAITING) {
            if (mongo.updateFirst(Query.query(where("_id").is(planned.id()).and("status").is(waiting)), replan,
                    Reminder.class).getMatchedCount() > 0) {
                return;
            }
        }
        // It exists and was sent, cancelled or is being dispatched: leave it as it is.
    }

    /**
     * Inserts the reminder unless one with its id exists, in whatever state: for notifications that a redelivered event
     * must not re-plan (an on-call notification brought forward stays brought forward).
     */
    public void add(Reminder planned) {
        fileIfDue(planned);
        Update update = insertOrPlan(planned, false);
        mongo.upsert(Query.query(where("_id").is(planned.id())), update, Reminder.class);
    }

    /**
     * Brings a waiting on-call notification forward to {@code now}, saying why; one already due, sent, being sent or
     * cancelled (acknowledged) stays as it is, so on-call is never told twice.
     *
     * @return whether it was brought forward
     */
    public boolean sendToOnCallNow(String tenantId, String clientId, String flagId, Instant now, OnCallReason reason) {
        String id = Reminder.notificationId(tenantId, clientId, flagId, ReminderKind.RISK_ESCALATION);
        Reminder waiting = mongo.findById(id, Reminder.class);
        if (waiting == null || !WAITING.contains(waiting.status()) || waiting.sendAt() == null
                || !waiting.sendAt().isAfter(now)) {
            return false;
        }
        due.file(id, now);
        // Exact keys, as it was read: a change meanwhile (sent, acknowledged) leaves it as it is.
        return mongo.updateFirst(Query.query(where("_id").is(id).and("revision").is(waiting.revision())),
                new Update().set("sendAt", now).set("status", ReminderStatus.SCHEDULED).set("onCallReason", reason)
                        .inc("revision", 1), Reminder.class).getModifiedCount() > 0;
    }

    /** Files a planned reminder that is to go out, before it is written (an entry without a reminder is harmless). */
    private void fileIfDue(Reminder planned) {
        if (planned.status() == ReminderStatus.SCHEDULED && planned.sendAt() != null) {
            due.file(planned.id(), planned.sendAt());
        }
    }

    /** The reminder's identity on insert only; its plan on insert, and with {@code replan} on update too. */
    private static Update insertOrPlan(Reminder planned, boolean replan) {
        Update update = new Update()
                .setOnInsert("tenantId", planned.tenantId()).setOnInsert("clientId", planned.clientId())
                .setOnInsert("recipientId", planned.recipientId()).setOnInsert("kind", planned.kind())
                .setOnInsert("assignmentId", planned.assignmentId()).setOnInsert("occurrenceId", planned.occurrenceId())
                .setOnInsert("attempts", 0).setOnInsert("revision", 0L);
        BiConsumer<String, Object> plan = replan ? update::set : update::setOnInsert;
        plan.accept("dueAt", planned.dueAt());
        plan.accept("intendedAt", planned.intendedAt());
        plan.accept("windowClosesAt", planned.windowClosesAt());
        plan.accept("timeZone", planned.timeZone());
        plan.accept("status", planned.status());
        plan.accept("sendAt", planned.sendAt());
        plan.accept("suppressedBecause", planned.suppressedBecause());
        if (planned.onCallReason() != null) {
            update.setOnInsert("onCallReason", planned.onCallReason())
                    .setOnInsert("escalationAfterSeconds", planned.escalationAfter() == null ? null
                            : planned.escalationAfter().toSeconds());
        }
        return update;
    }

    /**
     * Cancels the waiting reminders among {@code ids}: for the frequent cases whose reminders' ids are known (an
     * occurrence done or skipped, a flag acknowledged), with exact keys ({@code _id} and one waiting state) rather than
     * a query over the tenant's reminders, which the embedded store would answer by reading them all (issue 17).
     */
    public void cancel(Collection<String> ids) {
        long count = 0;
        for (String id : ids) {
            for (ReminderStatus waiting : WAITING) {
                count += mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(waiting)),
                        new Update().set("status", ReminderStatus.CANCELLED).unset("sendAt").inc("revision", 1),
                        Reminder.class).getModifiedCount();
            }
        }
        cancelled.increment(count);
    }

    /** The ids of the reminders planned for one homework occurrence (its reminder, follow-up or nudge). */
    public static List<String> occurrenceReminderIds(String tenantId, String clientId, String assignmentId,
                                                     String occurrenceId) {
        return Stream.of(ReminderKind.HOMEWORK, ReminderKind.HOMEWORK_FOLLOW_UP, ReminderKind.MOOD_NUDGE)
                .map(kind -> Reminder.idOf(tenantId, clientId, assignmentId, occurrenceId, kind)).toList();
    }

    /** Cancels the tenant's waiting reminders that match (rarer cases: an assignment or a goal ended, a flag handled). */
    public void cancel(String tenantId, Criteria which) {
        long count = mongo.updateMulti(Query.query(new Criteria().andOperator(where("tenantId").is(tenantId), which,
                        where("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED))),
                new Update().set("status", ReminderStatus.CANCELLED).unset("sendAt").inc("revision", 1), Reminder.class)
                .getModifiedCount();
        cancelled.increment(count);
    }
}
