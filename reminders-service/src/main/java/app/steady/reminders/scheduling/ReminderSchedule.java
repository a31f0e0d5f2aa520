package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCancelled;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.events.homework.HomeworkUpdated;
import app.steady.events.homework.MoodLogged;
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
import org.springframework.stereotype.Component;

/**
 * Keeps the reminder schedule in step with homework: plans reminders for the occurrences homework-service
 * publishes and cancels them the moment an occurrence is done, skipped or cancelled. Idempotent: a reminder's id is
 * its idempotency key, planning only touches reminders still SCHEDULED, and cancelling a cancelled one changes nothing.
 */
@Component
class ReminderSchedule implements EventHandler {

    private final MongoTemplate mongo;
    private final ReminderBook book;
    private final DueReminders due;
    private final ClientBoundaries boundaries;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderSchedule(MongoTemplate mongo, ReminderBook book, DueReminders due, ClientBoundaries boundaries,
                     ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.book = book;
        this.due = due;
        this.boundaries = boundaries;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.HOMEWORK_ASSIGNED, EventType.HOMEWORK_UPDATED, EventType.HOMEWORK_COMPLETED,
                EventType.HOMEWORK_SKIPPED, EventType.HOMEWORK_CANCELLED, EventType.MOOD_LOGGED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            if (event.data() instanceof HomeworkAssigned assigned) {
                plan(event.tenant(), assigned.clientId(), assigned.assignmentId(), assigned.kind(), assigned.timeZone(),
                        assigned.occurrences());
            } else if (event.data() instanceof HomeworkUpdated updated) {
                List<String> kept = updated.occurrences().stream().map(Occurrence::occurrenceId).toList();
                cancel(event.tenant(), where("assignmentId").is(updated.assignmentId())
                        .and("dueAt").gte(updated.effectiveFrom()).and("occurrenceId").nin(kept));
                plan(event.tenant(), updated.clientId(), updated.assignmentId(), updated.kind(), updated.timeZone(),
                        updated.occurrences());
            } else if (event.data() instanceof HomeworkCompleted completed) {
                book.cancel(ReminderBook.occurrenceReminderIds(event.tenant(), completed.clientId(),
                        completed.assignmentId(), completed.occurrenceId()));
            } else if (event.data() instanceof HomeworkSkipped skipped) {
                book.cancel(ReminderBook.occurrenceReminderIds(event.tenant(), skipped.clientId(),
                        skipped.assignmentId(), skipped.occurrenceId()));
            } else if (event.data() instanceof MoodLogged logged && logged.occurrenceId() != null) {
                cancel(event.tenant(), where("clientId").is(logged.clientId()).and("occurrenceId").is(logged.occurrenceId()));
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
            if (reminder.status() == ReminderStatus.SCHEDULED) {
                due.file(reminder.id(), reminder.sendAt());   // perhaps earlier than before: its old entry is too late
            }
            mongo.save(reminder);
        }
    }

    private void plan(String tenantId, String clientId, String assignmentId, String homeworkKind, String timeZone,
                      List<Occurrence> occurrences) {
        // A mood check-in not yet logged near its close gets a gentle nudge rather than a plain follow-up.
        ReminderKind followUp = "MOOD_CHECK_IN".equals(homeworkKind) ? ReminderKind.MOOD_NUDGE : ReminderKind.HOMEWORK_FOLLOW_UP;
        Instant now = clock.instant();
        Boundaries limits = boundaries.of(tenantId, clientId, ZoneId.of(timeZone));
        for (Occurrence occurrence : occurrences) {
            if (!occurrence.windowClosesAt().isAfter(now)) {
                continue;
            }
            schedule(tenantId, clientId, assignmentId, timeZone, occurrence, ReminderKind.HOMEWORK,
                    occurrence.dueAt().minus(properties.leadTime()), limits);
            if (!properties.followUpBeforeClose().isZero()) {
                schedule(tenantId, clientId, assignmentId, timeZone, occurrence, followUp,
                        occurrence.windowClosesAt().minus(properties.followUpBeforeClose()), limits);
            }
        }
    }

    private void schedule(String tenantId, String clientId, String assignmentId, String timeZone, Occurrence occurrence,
                          ReminderKind kind, Instant intendedAt, Boundaries limits) {
        book.put(Reminder.plan(tenantId, clientId, assignmentId, occurrence.occurrenceId(), kind, occurrence.dueAt(),
                intendedAt, occurrence.windowClosesAt(), timeZone,
                ReminderPlanner.plan(kind, intendedAt, occurrence.windowClosesAt(), limits)));
    }

    private void cancel(String tenantId, Criteria which) {
        book.cancel(tenantId, which);
    }
}
