package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
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

    private final MongoTemplate mongo;
    private final Counter cancelled;

    ReminderBook(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.cancelled = Counter.builder("steady.reminders.cancelled")
                .description("Waiting reminders cancelled because their occurrence was done, skipped or cancelled")
                .register(meters);
    }

    /** Inserts the reminder, or re-plans it if it exists and is still waiting. */
    public void put(Reminder planned) {
        Update update = new Update()
                .setOnInsert("tenantId", planned.tenantId()).setOnInsert("clientId", planned.clientId())
                .setOnInsert("recipientId", planned.recipientId()).setOnInsert("kind", planned.kind())
                .setOnInsert("assignmentId", planned.assignmentId()).setOnInsert("occurrenceId", planned.occurrenceId())
                .setOnInsert("attempts", 0).setOnInsert("revision", 0L)
                .set("dueAt", planned.dueAt()).set("intendedAt", planned.intendedAt())
                .set("windowClosesAt", planned.windowClosesAt()).set("timeZone", planned.timeZone())
                .set("status", planned.status()).set("sendAt", planned.sendAt())
                .set("suppressedBecause", planned.suppressedBecause());
        Query stillWaiting = Query.query(where("_id").is(planned.id())
                .and("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED));
        try {
            mongo.upsert(stillWaiting, update, Reminder.class);
        } catch (DuplicateKeyException alreadyPastWaiting) {
            // It exists and was sent, cancelled or is being dispatched: leave it as it is.
        }
    }

    /** Cancels the tenant's waiting reminders that match. */
    public void cancel(String tenantId, Criteria which) {
        long count = mongo.updateMulti(Query.query(new Criteria().andOperator(where("tenantId").is(tenantId), which,
                        where("status").in(ReminderStatus.SCHEDULED, ReminderStatus.SUPPRESSED))),
                new Update().set("status", ReminderStatus.CANCELLED).unset("sendAt").inc("revision", 1), Reminder.class)
                .getModifiedCount();
        cancelled.increment(count);
    }
}
