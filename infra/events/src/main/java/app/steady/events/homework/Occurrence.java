package app.steady.events.homework;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One scheduled occurrence of homework, with the facts reminders need to schedule without asking
 * homework-service: when it is due (UTC and the client's local wall-clock time) and when its completion
 * window closes.
 */
public record Occurrence(String occurrenceId, Instant dueAt, LocalDateTime dueLocal, Instant windowClosesAt) {
}
