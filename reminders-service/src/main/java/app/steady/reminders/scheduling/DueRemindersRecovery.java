package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link DueReminders} complete where no write path filed an entry: once, on a store from before the index
 * existed (every waiting reminder is filed at start-up), and as a safety net, every
 * {@code steady.reminders.due-recovery-interval}, for a reminder overdue by more than that interval (one written by
 * hand or restored from a backup). Both read the reminders collection with a range query: a scan on the embedded
 * store, which is why they run rarely. A reminder the safety net files is counted
 * ({@code steady.reminders.due.refiled}); outside a backlog that long, it means a write path missed the index.
 */
@Component
public class DueRemindersRecovery {

    private static final Logger log = LoggerFactory.getLogger(DueRemindersRecovery.class);

    private final MongoTemplate mongo;
    private final DueReminders due;
    private final Clock clock;
    private final Duration interval;
    private final Counter refiled;

    DueRemindersRecovery(MongoTemplate mongo, DueReminders due, Clock clock, MeterRegistry meters,
                         @Value("${steady.reminders.due-recovery-interval:PT10M}") Duration interval) {
        this.mongo = mongo;
        this.due = due;
        this.clock = clock;
        this.interval = interval;
        this.refiled = Counter.builder("steady.reminders.due.refiled")
                .description("Overdue reminders the safety net found without an entry in the due index and filed")
                .register(meters);
    }

    /** A store written before the due index: files every waiting reminder once. */
    @EventListener(ApplicationReadyEvent.class)
    void fileWaitingIfNoneFiled() {
        if (!due.isEmpty()) {
            return;
        }
        long filed = fileAll(Query.query(new Criteria().orOperator(
                where("status").is(ReminderStatus.SCHEDULED), where("status").is(ReminderStatus.CLAIMED))), Set.of());
        if (filed > 0) {
            log.info("Filed {} waiting reminders in the due index (first start with it)", filed);
        }
    }

    /** Files reminders that should have gone out more than one interval ago, are still waiting, and have no entry. */
    @Scheduled(fixedDelayString = "${steady.reminders.due-recovery-interval:PT10M}",
            initialDelayString = "${steady.reminders.due-recovery-interval:PT10M}")
    public long refileOverdue() {
        Instant now = clock.instant();
        Instant before = now.minus(interval);
        long filed = fileAll(Query.query(new Criteria().orOperator(
                where("status").is(ReminderStatus.SCHEDULED).and("sendAt").lt(before),
                where("status").is(ReminderStatus.CLAIMED).and("leaseUntil").lt(before))), due.idsFiledUpTo(now));
        if (filed > 0) {
            refiled.increment(filed);
            log.warn("Filed {} overdue reminders in the due index that had no entry to be found by", filed);
        }
        return filed;
    }

    private long fileAll(Query waiting, Set<String> alreadyFiled) {
        waiting.fields().include("_id", "status", "sendAt", "leaseUntil");
        long filed = 0;
        try (Stream<Reminder> reminders = mongo.stream(waiting, Reminder.class)) {
            for (Reminder reminder : (Iterable<Reminder>) reminders::iterator) {
                Instant at = reminder.status() == ReminderStatus.CLAIMED ? reminder.leaseUntil() : reminder.sendAt();
                if (at != null && !alreadyFiled.contains(reminder.id())) {
                    due.file(reminder.id(), at);
                    filed++;
                }
            }
        }
        return filed;
    }
}
