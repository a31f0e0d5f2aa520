package app.steady.homework.assignment.web;

import app.steady.homework.assignment.Assignment;
import app.steady.homework.assignment.Outcome;
import app.steady.homework.schedule.PlannedOccurrence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One occurrence as people see it: due time in UTC and in the client's local time, and its state — UPCOMING, OPEN
 * (due, window still open), COMPLETED, SKIPPED or MISSED (window closed, nothing recorded).
 */
record OccurrenceView(String assignmentId, String title, String occurrenceId, Instant dueAt, LocalDateTime dueLocal,
                      Instant windowClosesAt, String state, boolean late, Integer helpfulness, Integer difficulty,
                      String skipReason, Integer qualityRating) {

    static List<OccurrenceView> of(Assignment assignment, List<PlannedOccurrence> occurrences, Instant now) {
        return occurrences.stream().map(o -> of(assignment, o, now)).toList();
    }

    static OccurrenceView of(Assignment assignment, PlannedOccurrence occurrence, Instant now) {
        Outcome outcome = assignment.outcomeOf(occurrence.occurrenceId()).orElse(null);
        String state;
        if (outcome != null) {
            state = outcome.state().name();
        } else if (now.isBefore(occurrence.dueAt())) {
            state = "UPCOMING";
        } else if (!now.isAfter(occurrence.windowClosesAt())) {
            state = "OPEN";
        } else {
            state = "MISSED";
        }
        return new OccurrenceView(assignment.id(), assignment.title(), occurrence.occurrenceId(), occurrence.dueAt(),
                occurrence.dueLocal(), occurrence.windowClosesAt(), state, outcome != null && outcome.late(),
                outcome == null ? null : outcome.helpfulness(), outcome == null ? null : outcome.difficulty(),
                outcome == null ? null : outcome.skipReason(), outcome == null ? null : outcome.qualityRating());
    }
}
