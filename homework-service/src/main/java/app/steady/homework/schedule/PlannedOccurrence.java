package app.steady.homework.schedule;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One time a piece of homework is due.
 *
 * @param occurrenceId   the scheduled local date and time, {@code yyyy-MM-dd'T'HH:mm}; deterministic so that
 *                       completions recorded against it survive edits that keep the local time, and it keeps the
 *                       scheduled time even when a daylight-saving gap moves the due time
 * @param dueAt          the instant it is due
 * @param dueLocal       the actual local wall-clock time of {@code dueAt}: after a gap shift, 02:30 shows as 03:30
 * @param windowClosesAt {@code dueAt} plus the schedule's completion window (elapsed time); the occurrence stays
 *                       open until then, exclusive
 */
public record PlannedOccurrence(String occurrenceId, Instant dueAt, LocalDateTime dueLocal, Instant windowClosesAt) {
}
