package app.steady.analytics.client;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.HomeworkQualityRated;
import app.steady.events.homework.HomeworkSkipped;
import app.steady.events.homework.MoodLogged;
import app.steady.events.homework.JournalEntryRecorded;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ProjectionUpdater;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.store.IdLists;
import app.steady.analytics.flags.FlagCandidate;
import app.steady.analytics.flags.RaiseFaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps each {@link ClientRecord} current from caseload and homework events (batched, one write per client). Signs of
 * distress found while applying an event are stored as pending in that same write; {@link PendingSigns} then raises them.
 */
@Component
class ClientRecordProjector implements EventHandler {

    private final ProjectionUpdater projections;
    private final PendingSigns pending;
    private final RaiseFaults faults;
    private final TherapistCaseloads caseloads;

    ClientRecordProjector(ProjectionUpdater projections, PendingSigns pending, RaiseFaults faults,
                          TherapistCaseloads caseloads) {
        this.projections = projections;
        this.pending = pending;
        this.faults = faults;
        this.caseloads = caseloads;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.CLIENT_ASSIGNED, EventType.CLIENT_UNASSIGNED, EventType.HOMEWORK_COMPLETED,
                EventType.HOMEWORK_SKIPPED, EventType.HOMEWORK_MISSED, EventType.MOOD_LOGGED,
                EventType.ASSESSMENT_COMPLETED, EventType.JOURNAL_ENTRY_RECORDED, EventType.HOMEWORK_QUALITY_RATED);
    }

    /**
     * Applies the batch with the signs it revealed kept in each record (one atomic write), then raises them. Signs are
     * found only when an event is applied for the first time; what a crash or a failed raise leaves pending, the
     * sweeper finishes.
     */
    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        Map<String, ClientRecord> withSigns = new LinkedHashMap<>();
        // Listed under a new therapist before the batch's records are written, unlisted from the former one after:
        // a crash in between leaves an extra name, never a missing one (TherapistLists). One round trip each.
        List<IdLists.Entry> listings = new ArrayList<>();
        List<IdLists.Entry> formerListings = new ArrayList<>();
        projections.apply(events, ClientRecord.class, event -> ClientRecord.idOf(event.tenant(), event.subject()),
                (id, first) -> new ClientRecord(id, first.tenant(), first.subject()), (record, event) -> {
                    String before = record.therapistId();
                    apply(record, event);
                    String after = record.therapistId();
                    if (!Objects.equals(before, after)) {
                        if (after != null) {
                            listings.add(new IdLists.Entry(record.tenantId(), after, record.clientId()));
                        }
                        if (before != null) {
                            formerListings.add(new IdLists.Entry(record.tenantId(), before, record.clientId()));
                        }
                    }
                    List<FlagCandidate> signs = earlySigns(record, event);
                    if (!signs.isEmpty()) {
                        record.signsFound(signs);
                        withSigns.put(record.id(), record);
                    }
                }, () -> caseloads.listAll(listings));
        caseloads.unlistAll(formerListings);
        if (!withSigns.isEmpty()) {
            faults.beforeRaise();
            withSigns.values().forEach(pending::finish);
        }
    }

    private static List<FlagCandidate> earlySigns(ClientRecord record, ReceivedEvent<?> event) {
        if (event.data() instanceof AssessmentCompleted assessment) {
            return record.assessments().stream().filter(a -> a.assessmentId().equals(assessment.assessmentId()))
                    .findFirst().map(applied -> EarlySigns.afterAssessment(record, applied)).orElse(List.of());
        }
        if (event.data() instanceof HomeworkMissed) {
            return EarlySigns.afterHomework(record);
        }
        if (event.data() instanceof MoodLogged mood) {
            return EarlySigns.afterMood(record, mood.loggedLocal().toLocalDate(), mood.loggedAt());
        }
        return List.of();
    }

    private static void apply(ClientRecord record, ReceivedEvent<?> event) {
        Object data = event.data();
        if (data instanceof ClientAssigned assigned) {
            record.assignedTo(assigned.therapistId(), assigned.assignedAt() != null ? assigned.assignedAt() : event.time());
        } else if (data instanceof ClientUnassigned unassigned) {
            record.unassignedFrom(unassigned.therapistId(),
                    unassigned.unassignedAt() != null ? unassigned.unassignedAt() : event.time());
        } else if (data instanceof HomeworkCompleted completed) {
            record.homework(completed.assignmentId(), completed.occurrenceId(), new ClientRecord.HomeworkOutcome(
                    completed.dueAt(), "COMPLETED", completed.completedAt(), completed.late(), completed.helpfulness(), null),
                    completed.completedAt());
        } else if (data instanceof HomeworkSkipped skipped) {
            record.homework(skipped.assignmentId(), skipped.occurrenceId(), new ClientRecord.HomeworkOutcome(
                    skipped.dueAt(), "SKIPPED", skipped.skippedAt(), false, null, null), skipped.skippedAt());
        } else if (data instanceof HomeworkMissed missed) {
            record.homework(missed.assignmentId(), missed.occurrenceId(), new ClientRecord.HomeworkOutcome(
                    missed.dueAt(), "MISSED", missed.windowClosedAt(), false, null, null), missed.windowClosedAt());
        } else if (data instanceof HomeworkQualityRated rated) {
            record.quality(rated.assignmentId(), rated.occurrenceId(), rated.rating());
        } else if (data instanceof MoodLogged mood) {
            record.mood(mood.loggedLocal().toLocalDate(), mood.mood(), mood.loggedAt());
        } else if (data instanceof AssessmentCompleted assessment) {
            record.assessment(new ClientRecord.AssessmentPoint(assessment.assessmentId(), assessment.measure(),
                    assessment.total(), assessment.band(), assessment.safetySignal(), assessment.completedAt()));
        } else if (data instanceof JournalEntryRecorded journal) {
            record.active(journal.recordedAt());
        }
    }
}
