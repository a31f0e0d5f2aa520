package app.steady.homework.assignment;

import java.time.Instant;

/** A schedule in force from {@code effectiveFrom} until the next span's start (editing changes only the future). */
public record ScheduleSpan(ScheduleSpec schedule, Instant effectiveFrom) {
}
