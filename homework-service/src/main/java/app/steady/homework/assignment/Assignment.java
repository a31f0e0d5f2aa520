package app.steady.homework.assignment;

import app.steady.events.EventData;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCancelled;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.HomeworkQualityRated;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.events.homework.HomeworkUpdated;
import app.steady.events.homework.Occurrence;
import app.steady.homework.schedule.OccurrenceCalculator;
import app.steady.homework.schedule.PlannedOccurrence;
import app.steady.homework.schedule.Schedule;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A piece of homework for one client and what became of each of its occurrences. Occurrences are derived from the
 * schedule spans (an edit starts a new span, so past occurrences keep the schedule they had); only their outcomes are
 * stored. Methods that change it return the events the change causes.
 */
@Document("assignments")
@CompoundIndex(name = "client_assignments", def = "{'tenantId': 1, 'clientId': 1, 'status': 1}")
@CompoundIndex(name = "missed_due", def = "{'status': 1, 'nextMissedCheckAt': 1}")
@CompoundIndex(name = "horizon_due", def = "{'status': 1, 'publishedUntil': 1}")
@PublishesEvents
public class Assignment {

    /** The most schedules one assignment keeps (each change that was in force adds one). */
    static final int MAX_SCHEDULE_SPANS = 100;

    /** How early before its due time an occurrence may be completed. */
    static final Duration EARLY_COMPLETION = Duration.ofHours(12);
    /** How long after its window closed an occurrence may still be completed (late). */
    static final Duration LATE_COMPLETION = Duration.ofDays(7);
    /** Bound on how far ahead the next window close is looked for (a yearly schedule still has one). */
    private static final Duration NEXT_CLOSE_SEARCH = Duration.ofDays(400);

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String therapistId;
    private String goalId;
    private String techniqueId;
    private HomeworkKind kind;
    private String measure;
    private String title;
    private String instructions;
    private int expectedMinutes;
    private String assignedBy;
    private Status status;
    private int version;
    private List<ScheduleSpan> schedules = new ArrayList<>();
    private Map<String, Outcome> outcomes = new HashMap<>();
    private Instant assignedAt;
    private Instant cancelledAt;
    /** Occurrences due before this instant have been published in events. */
    private Instant publishedUntil;
    /** Windows closing up to this instant have been checked for misses. */
    private Instant missedCheckedUntil;
    /** The next window close after {@link #missedCheckedUntil}; null when none remains. Indexed for the detector. */
    private Instant nextMissedCheckAt;
    @Version
    private Long revision;

    public enum Status {
        ACTIVE, CANCELLED
    }

    protected Assignment() {
    }

    static Assignment assign(String id, String tenantId, String clientId, String therapistId, String assignedBy,
                             Practice practice, Schedule schedule, Instant now, Duration horizon) {
        Assignment assignment = new Assignment();
        assignment.id = id;
        assignment.tenantId = tenantId;
        assignment.clientId = clientId;
        assignment.therapistId = therapistId;
        assignment.assignedBy = assignedBy;
        assignment.goalId = practice.goalId();
        assignment.techniqueId = practice.techniqueId();
        assignment.kind = practice.kind();
        assignment.measure = practice.measure();
        assignment.title = practice.title();
        assignment.instructions = practice.instructions();
        assignment.expectedMinutes = practice.expectedMinutes();
        assignment.status = Status.ACTIVE;
        assignment.version = 1;
        assignment.schedules.add(new ScheduleSpan(ScheduleSpec.of(schedule), now));
        assignment.assignedAt = now;
        assignment.missedCheckedUntil = now;
        assignment.publishedUntil = now.plus(horizon);
        assignment.nextMissedCheckAt = assignment.nextWindowCloseAfter(now);
        return assignment;
    }

    List<EventData> assigned() {
        return List.of(new HomeworkAssigned(id, clientId, therapistId, goalId, kind.name(), currentSchedule().timeZone().getId(),
                version, eventOccurrences(assignedAt, publishedUntil), assignedAt));
    }

    /**
     * Changes the schedule from now on; occurrences already due keep the schedule they had. A schedule that never had
     * an occurrence due while it was in force is replaced rather than kept, so quick successive edits do not pile up;
     * an assignment changed more than {@value #MAX_SCHEDULE_SPANS} times must be assigned anew.
     */
    List<EventData> changeSchedule(Schedule newSchedule, Instant now, Duration horizon) {
        requireActive("change the schedule of");
        ScheduleSpan current = schedules.get(schedules.size() - 1);
        // Replaceable when neither the schedule in force nor the new one has anything due since the former took over:
        // then no past occurrence changes whichever of the two is kept for that time.
        boolean replaceable = occurrencesBetween(current.effectiveFrom(), now).isEmpty()
                && OccurrenceCalculator.between(newSchedule, current.effectiveFrom(), now).isEmpty();
        if (replaceable) {
            schedules.set(schedules.size() - 1, new ScheduleSpan(ScheduleSpec.of(newSchedule), current.effectiveFrom()));
        } else if (schedules.size() >= MAX_SCHEDULE_SPANS) {
            throw new ConflictException("TOO_MANY_SCHEDULE_CHANGES", "This homework's schedule has changed "
                    + MAX_SCHEDULE_SPANS + " times; end it and assign it anew");
        } else {
            schedules.add(new ScheduleSpan(ScheduleSpec.of(newSchedule), now));
        }
        version++;
        publishedUntil = now.plus(horizon);
        nextMissedCheckAt = nextWindowCloseAfter(missedCheckedUntil);
        return List.of(new HomeworkUpdated(id, clientId, therapistId, kind.name(), newSchedule.timeZone().getId(),
                version, now, eventOccurrences(now, publishedUntil), now));
    }

    /** Publishes the occurrences that entered the horizon since the last time, if it moved by at least a day. */
    List<EventData> extendHorizon(Instant now, Duration horizon) {
        Instant until = now.plus(horizon);
        if (status != Status.ACTIVE || !publishedUntil.plus(Duration.ofDays(1)).isBefore(until.plusSeconds(1))) {
            return List.of();
        }
        Instant from = publishedUntil;
        publishedUntil = until;
        return List.of(new HomeworkUpdated(id, clientId, therapistId, kind.name(), currentSchedule().timeZone().getId(),
                version, from, eventOccurrences(from, until), now));
    }

    List<EventData> cancel(Instant now) {
        requireActive("cancel");
        status = Status.CANCELLED;
        cancelledAt = now;
        nextMissedCheckAt = null;
        return List.of(new HomeworkCancelled(id, clientId, therapistId, now));
    }

    /**
     * Records a completion. Completing twice is one completion (the second changes nothing and causes no event);
     * completing after the window closed is recorded as late, also for an occurrence already marked missed.
     */
    List<EventData> complete(String occurrenceId, Integer helpfulness, Integer difficulty, Instant now) {
        PlannedOccurrence occurrence = openOccurrence(occurrenceId, now);
        Outcome existing = outcomes.get(occurrenceId);
        if (existing != null && existing.state() == Outcome.State.COMPLETED) {
            return List.of();
        }
        if (existing != null && existing.state() == Outcome.State.SKIPPED) {
            throw new ConflictException("ALREADY_SKIPPED", "This occurrence was skipped");
        }
        boolean late = now.isAfter(occurrence.windowClosesAt());
        outcomes.put(occurrenceId, new Outcome(Outcome.State.COMPLETED, now, late, helpfulness, difficulty, null, null));
        return List.of(new HomeworkCompleted(id, clientId, occurrenceId, kind.name(), occurrence.dueAt(), now, late,
                helpfulness, difficulty));
    }

    List<EventData> skip(String occurrenceId, String reason, Instant now) {
        PlannedOccurrence occurrence = openOccurrence(occurrenceId, now);
        Outcome existing = outcomes.get(occurrenceId);
        if (existing != null && existing.state() == Outcome.State.SKIPPED) {
            return List.of();
        }
        if (existing != null && existing.state() == Outcome.State.COMPLETED) {
            throw new ConflictException("ALREADY_COMPLETED", "This occurrence was completed");
        }
        if (existing != null) {
            throw new ConflictException("ALREADY_MISSED", "This occurrence's window has closed");
        }
        outcomes.put(occurrenceId, new Outcome(Outcome.State.SKIPPED, now, false, null, null, reason, null));
        return List.of(new HomeworkSkipped(id, clientId, occurrenceId, kind.name(), occurrence.dueAt(), reason, now));
    }

    List<EventData> rateQuality(String occurrenceId, int rating, Instant now) {
        Outcome outcome = outcomes.get(occurrenceId);
        if (outcome == null || outcome.state() != Outcome.State.COMPLETED) {
            throw new ConflictException("NOT_COMPLETED", "Only completed homework can be rated");
        }
        outcomes.put(occurrenceId, outcome.withQuality(rating));
        return List.of(new HomeworkQualityRated(id, clientId, occurrenceId, rating, now));
    }

    /** Marks as missed every occurrence whose window closed since the last check without a completion or skip. */
    List<EventData> detectMissed(Instant now) {
        if (status != Status.ACTIVE || !now.isAfter(missedCheckedUntil)) {
            return List.of();
        }
        List<EventData> missed = new ArrayList<>();
        Duration longestWindow = Duration.ofHours(24);
        for (PlannedOccurrence occurrence : occurrencesBetween(missedCheckedUntil.minus(longestWindow), now)) {
            boolean closedSinceLastCheck = occurrence.windowClosesAt().isAfter(missedCheckedUntil)
                    && !occurrence.windowClosesAt().isAfter(now);
            if (closedSinceLastCheck && !outcomes.containsKey(occurrence.occurrenceId())) {
                outcomes.put(occurrence.occurrenceId(), new Outcome(Outcome.State.MISSED, occurrence.windowClosesAt(),
                        false, null, null, null, null));
                missed.add(new HomeworkMissed(id, clientId, occurrence.occurrenceId(), kind.name(),
                        occurrence.dueAt(), occurrence.windowClosesAt()));
            }
        }
        missedCheckedUntil = now;
        nextMissedCheckAt = nextWindowCloseAfter(now);
        return missed;
    }

    /** Occurrences due in [from, to), each from the schedule in force when it is due. */
    public List<PlannedOccurrence> occurrencesBetween(Instant from, Instant to) {
        List<PlannedOccurrence> all = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            ScheduleSpan span = schedules.get(i);
            Instant spanEnd = i + 1 < schedules.size() ? schedules.get(i + 1).effectiveFrom() : null;
            Instant start = max(from, span.effectiveFrom());
            Instant end = spanEnd == null ? to : min(to, spanEnd);
            if (start.isBefore(end)) {
                all.addAll(OccurrenceCalculator.between(span.schedule().toSchedule(), start, end));
            }
        }
        return all;
    }

    public Optional<Outcome> outcomeOf(String occurrenceId) {
        return Optional.ofNullable(outcomes.get(occurrenceId));
    }

    private PlannedOccurrence openOccurrence(String occurrenceId, Instant now) {
        requireActive("record practice on");
        PlannedOccurrence occurrence = find(occurrenceId)
                .orElseThrow(() -> new NotFoundException("Occurrence " + occurrenceId));
        if (now.isBefore(occurrence.dueAt().minus(EARLY_COMPLETION))) {
            throw new ConflictException("NOT_OPEN_YET", "This occurrence opens 12 hours before it is due");
        }
        if (now.isAfter(occurrence.windowClosesAt().plus(LATE_COMPLETION))) {
            throw new ConflictException("CLOSED", "This occurrence closed more than 7 days ago");
        }
        return occurrence;
    }

    /** The occurrence with this id, from the schedule span in force at its due time. */
    Optional<PlannedOccurrence> find(String occurrenceId) {
        for (int i = schedules.size() - 1; i >= 0; i--) {
            ScheduleSpan span = schedules.get(i);
            Instant spanEnd = i + 1 < schedules.size() ? schedules.get(i + 1).effectiveFrom() : null;
            Optional<PlannedOccurrence> found = OccurrenceCalculator.find(span.schedule().toSchedule(), occurrenceId)
                    .filter(o -> !o.dueAt().isBefore(span.effectiveFrom()) && (spanEnd == null || o.dueAt().isBefore(spanEnd)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Instant nextWindowCloseAfter(Instant instant) {
        Duration longestWindow = Duration.ofHours(24);
        return occurrencesBetween(instant.minus(longestWindow), instant.plus(NEXT_CLOSE_SEARCH)).stream()
                .map(PlannedOccurrence::windowClosesAt)
                .filter(close -> close.isAfter(instant))
                .min(Instant::compareTo)
                .orElse(null);
    }

    private List<Occurrence> eventOccurrences(Instant from, Instant to) {
        return occurrencesBetween(from, to).stream()
                .map(o -> new Occurrence(o.occurrenceId(), o.dueAt(), o.dueLocal(), o.windowClosesAt()))
                .toList();
    }

    private void requireActive(String action) {
        if (status != Status.ACTIVE) {
            throw new ConflictException("INVALID_TRANSITION", "Cannot " + action + " this assignment: it is " + status);
        }
    }

    public Schedule currentSchedule() {
        return schedules.get(schedules.size() - 1).schedule().toSchedule();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public String goalId() { return goalId; }
    public String techniqueId() { return techniqueId; }
    public HomeworkKind kind() { return kind; }
    public String measure() { return measure; }
    public String title() { return title; }
    public String instructions() { return instructions; }
    public int expectedMinutes() { return expectedMinutes; }
    public String assignedBy() { return assignedBy; }
    public Status status() { return status; }
    public int version() { return version; }
    public Instant assignedAt() { return assignedAt; }
    public Long revision() { return revision; }
}
