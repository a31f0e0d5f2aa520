package app.steady.reminders.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.analytics.TherapistDigestReady;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalDiscontinued;
import app.steady.events.goals.GoalRevised;
import app.steady.events.goals.GoalSet;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ProjectionUpdater;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.planning.Boundaries;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.ReminderPlanner;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderBook;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns clinical events into notifications and prompts, idempotently (every notification is keyed by its cause). */
@Component
class ClinicalNotifications implements EventHandler {

    /** Flag kinds that are early signs, for which the client gets a gentle self-care prompt. */
    static final Set<String> EARLY_SIGNS = Set.of("LOW_MOOD", "DISENGAGEMENT");

    private final ReminderBook book;
    private final ProjectionUpdater projections;
    private final CaseloadDirectory caseload;
    private final ClientBoundaries boundaries;
    private final NotificationProperties properties;

    ClinicalNotifications(ReminderBook book, ProjectionUpdater projections, CaseloadDirectory caseload,
                          ClientBoundaries boundaries, NotificationProperties properties) {
        this.book = book;
        this.projections = projections;
        this.caseload = caseload;
        this.boundaries = boundaries;
        this.properties = properties;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.RISK_FLAG_RAISED, EventType.RISK_FLAG_ACKNOWLEDGED, EventType.HOMEWORK_MISSED,
                EventType.HOMEWORK_COMPLETED, EventType.HOMEWORK_SKIPPED, EventType.GOAL_SET, EventType.GOAL_REVISED,
                EventType.GOAL_ACHIEVED, EventType.GOAL_DISCONTINUED, EventType.THERAPIST_DIGEST_READY);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            String tenant = event.tenant();
            if (event.data() instanceof RiskFlagRaised flag) {
                riskFlagRaised(tenant, flag);
            } else if (event.data() instanceof RiskFlagAcknowledged acknowledged) {
                book.cancel(tenant, where("kind").is(ReminderKind.RISK_ESCALATION).and("occurrenceId").is(acknowledged.flagId()));
            } else if (event.data() instanceof GoalSet set) {
                planGoalCheckIns(tenant, set.clientId(), set.goalId(), set.agreedAt());
            } else if (event.data() instanceof GoalRevised revised) {
                planGoalCheckIns(tenant, revised.clientId(), revised.goalId(), revised.revisedAt());
            } else if (event.data() instanceof GoalAchieved achieved) {
                cancelGoalCheckIns(tenant, achieved.goalId());
            } else if (event.data() instanceof GoalDiscontinued discontinued) {
                cancelGoalCheckIns(tenant, discontinued.goalId());
            } else if (event.data() instanceof TherapistDigestReady digest) {
                book.put(Reminder.notification(tenant, digest.therapistId(), digest.therapistId(), ReminderKind.DIGEST,
                        digest.digestId(), digest.readyAt()));
            }
        }
        trackMissStreaks(events);
    }

    private void riskFlagRaised(String tenant, RiskFlagRaised flag) {
        book.put(Reminder.notification(tenant, flag.clientId(), flag.therapistId(), ReminderKind.RISK_FLAG,
                flag.flagId(), flag.raisedAt()));
        book.put(Reminder.notification(tenant, flag.clientId(), "on-call", ReminderKind.RISK_ESCALATION,
                flag.flagId(), flag.raisedAt().plus(properties.escalateAfter())));
        if (EARLY_SIGNS.contains(flag.kind())) {
            Boundaries limits = boundaries.of(tenant, flag.clientId(), ZoneId.of("UTC"));
            Instant closes = flag.raisedAt().plus(properties.selfCareWindow());
            book.put(Reminder.plan(tenant, flag.clientId(), "self-care", flag.flagId(), ReminderKind.SELF_CARE,
                    flag.raisedAt(), flag.raisedAt(), closes, limits.timeZone().getId(),
                    ReminderPlanner.plan(ReminderKind.SELF_CARE, flag.raisedAt(), closes, limits)));
        }
    }

    private void planGoalCheckIns(String tenant, String clientId, String goalId, Instant from) {
        Boundaries limits = boundaries.of(tenant, clientId, ZoneId.of("UTC"));
        LocalDate start = from.atZone(limits.timeZone()).toLocalDate();
        for (int i = 1; i <= properties.goalCheckIns(); i++) {
            LocalDate day = start.plusDays(properties.goalCheckInCadence().toDays() * i);
            Instant at = ZonedDateTime.ofLocal(day.atTime(properties.goalCheckInTime()), limits.timeZone(), null).toInstant();
            Instant closes = at.plus(java.time.Duration.ofHours(4));
            book.put(Reminder.plan(tenant, clientId, "goal:" + goalId, day.toString(), ReminderKind.GOAL_CHECK_IN, at, at,
                    closes, limits.timeZone().getId(), ReminderPlanner.plan(ReminderKind.GOAL_CHECK_IN, at, closes, limits)));
        }
    }

    private void cancelGoalCheckIns(String tenant, String goalId) {
        book.cancel(tenant, where("assignmentId").is("goal:" + goalId));
    }

    /** Several misses in a row of one assignment: a note to the therapist, once per run. */
    private void trackMissStreaks(List<ReceivedEvent<?>> events) {
        List<ReceivedEvent<?>> practice = events.stream().filter(e -> e.data() instanceof HomeworkMissed
                || e.data() instanceof HomeworkCompleted || e.data() instanceof HomeworkSkipped).toList();
        if (practice.isEmpty()) {
            return;
        }
        projections.apply(practice, MissStreak.class, event -> event.tenant() + ":" + assignmentOf(event),
                (id, first) -> new MissStreak(id), (streak, event) -> {
                    if (event.data() instanceof HomeworkMissed missed) {
                        if (streak.missed() == properties.missesInARow()) {
                            caseload.therapistOf(event.tenant(), missed.clientId()).ifPresent(therapist ->
                                    book.put(Reminder.notification(event.tenant(), missed.clientId(), therapist,
                                            ReminderKind.MISSED_PATTERN, missed.assignmentId() + "@" + missed.occurrenceId(),
                                            missed.windowClosedAt())));
                        }
                    } else {
                        streak.practised();
                    }
                });
    }

    private static String assignmentOf(ReceivedEvent<?> event) {
        if (event.data() instanceof HomeworkMissed missed) {
            return missed.assignmentId();
        }
        if (event.data() instanceof HomeworkCompleted completed) {
            return completed.assignmentId();
        }
        return ((HomeworkSkipped) event.data()).assignmentId();
    }
}
