package app.steady.homework.assignment.web;

import app.steady.homework.assignment.Assignment;
import app.steady.homework.assignment.HomeworkKind;
import app.steady.homework.assignment.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An assignment with its current schedule and its next occurrences. */
record AssignmentView(String id, String clientId, String therapistId, String goalId, String techniqueId,
                      HomeworkKind kind, String measure, String title, String instructions, int expectedMinutes,
                      String assignedBy, Assignment.Status status, int version, ScheduleSpec schedule,
                      Instant assignedAt, List<OccurrenceView> upcoming) {

    static AssignmentView of(Assignment a, Instant now) {
        List<OccurrenceView> upcoming = OccurrenceView.of(a, a.occurrencesBetween(now.minus(Duration.ofHours(24)),
                now.plus(Duration.ofDays(7))), now).stream().filter(o -> !o.windowClosesAt().isBefore(now)).limit(10).toList();
        return new AssignmentView(a.id(), a.clientId(), a.therapistId(), a.goalId(), a.techniqueId(), a.kind(),
                a.measure(), a.title(), a.instructions(), a.expectedMinutes(), a.assignedBy(), a.status(), a.version(),
                ScheduleSpec.of(a.currentSchedule()), a.assignedAt(),
                a.status() == Assignment.Status.ACTIVE ? upcoming : List.of());
    }
}
