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
import app.steady.platform.consuming.EventHandler;
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
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Turns clinical events into notifications and prompts, idempotently (every notification is keyed by its cause): risk
 * flags routed by {@link RiskRouting} (missed homework among them: analytics' MISSED_HOMEWORK flag is the one source of
 * the therapist's note), acknowledgements, goal check-ins, digests and self-care prompts.
 */
@Component
class ClinicalNotifications implements EventHandler {

    /** Flag kinds that are early signs, for which the client gets a gentle self-care prompt. */
    static final Set<String> EARLY_SIGNS = Set.of("LOW_MOOD", "DISENGAGEMENT");

    private final ReminderBook book;
    private final RiskRouting routing;
    private final ClientBoundaries boundaries;
    private final NotificationProperties properties;
    private final MongoTemplate mongo;

    ClinicalNotifications(ReminderBook book, RiskRouting routing, ClientBoundaries boundaries,
                          NotificationProperties properties, MongoTemplate mongo) {
        this.book = book;
        this.routing = routing;
        this.boundaries = boundaries;
        this.properties = properties;
        this.mongo = mongo;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.RISK_FLAG_RAISED, EventType.RISK_FLAG_ACKNOWLEDGED, EventType.GOAL_SET,
                EventType.GOAL_REVISED, EventType.GOAL_ACHIEVED, EventType.GOAL_DISCONTINUED,
                EventType.THERAPIST_DIGEST_READY);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            String tenant = event.tenant();
            if (event.data() instanceof RiskFlagRaised flag) {
                riskFlagRaised(tenant, flag);
            } else if (event.data() instanceof RiskFlagAcknowledged acknowledged) {
                // Someone has it: nothing more about this flag waits, neither on-call nor a retry to the therapist.
                book.cancel(Stream.of(ReminderKind.RISK_FLAG, ReminderKind.RISK_ESCALATION, ReminderKind.MISSED_PATTERN)
                        .map(kind -> Reminder.notificationId(tenant, acknowledged.clientId(), acknowledged.flagId(), kind))
                        .toList());
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
    }

    private void riskFlagRaised(String tenant, RiskFlagRaised flag) {
        routing.route(tenant, flag);
        if (EARLY_SIGNS.contains(flag.kind())) {
            Boundaries limits = boundaries.of(tenant, flag.clientId(), zoneOf(tenant, flag.clientId()));
            Instant closes = flag.raisedAt().plus(properties.selfCareWindow());
            book.put(Reminder.plan(tenant, flag.clientId(), "self-care", flag.flagId(), ReminderKind.SELF_CARE,
                    flag.raisedAt(), flag.raisedAt(), closes, limits.timeZone().getId(),
                    ReminderPlanner.plan(ReminderKind.SELF_CARE, flag.raisedAt(), closes, limits)));
        }
    }

    /**
     * The client's time zone when they set no boundaries: that of their latest homework (homework-service's events carry
     * it), so a prompt keeps their night; UTC only for a client with neither.
     */
    private ZoneId zoneOf(String tenant, String clientId) {
        Query latestHomework = Query.query(where("tenantId").is(tenant).and("clientId").is(clientId)
                .and("kind").in(ReminderKind.HOMEWORK, ReminderKind.HOMEWORK_FOLLOW_UP, ReminderKind.MOOD_NUDGE))
                .with(Sort.by(Sort.Direction.DESC, "dueAt")).limit(1);
        latestHomework.fields().include("timeZone");
        Reminder homework = mongo.findOne(latestHomework, Reminder.class);
        return homework == null || homework.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(homework.timeZone());
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
}
