package app.steady.homework.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Derives the occurrences of a {@link Schedule}, so they never need storing and always follow the current schedule.
 *
 * <p>Daylight saving: a due time keeps its local wall-clock time, so a 09:00 daily stays 09:00 local and its UTC
 * instant moves by an hour across a change. A local time in a spring-forward gap is moved later by the length of
 * the gap (02:30 becomes 03:30 in New York, whose gap is 02:00–03:00, and in Sydney, whose gap is 02:00–03:00 on
 * the first Sunday of October; London's gap is 01:00–02:00, so 01:30 becomes 02:30 there). A local time in a
 * fall-back overlap happens once, at the earlier of its two instants (the first time the clock shows it). This is
 * exactly {@link ZonedDateTime#ofLocal(LocalDateTime, java.time.ZoneId, java.time.ZoneOffset)} with no preferred
 * offset, which is what is used. The occurrence id keeps the scheduled local time; {@code dueLocal} shows the
 * shifted one.
 */
public final class OccurrenceCalculator {

    /** {@code yyyy-MM-dd'T'HH:mm}; {@code uuuu} so that strict parsing needs no era. */
    private static final DateTimeFormatter OCCURRENCE_ID =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private static final Comparator<PlannedOccurrence> BY_DUE_AT =
            Comparator.comparing(PlannedOccurrence::dueAt).thenComparing(PlannedOccurrence::occurrenceId);

    private OccurrenceCalculator() {
    }

    /**
     * The occurrences due in {@code [from, to)}, sorted by due instant. Empty when {@code to} is not after
     * {@code from}. Only the local dates around the range are visited, whatever the schedule's start date.
     */
    public static List<PlannedOccurrence> between(Schedule schedule, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        // One day of slack either side: a gap shift can carry a late-evening time into the next local date.
        LocalDate first = later(schedule.startDate(), LocalDate.ofInstant(from, schedule.timeZone()).minusDays(1));
        LocalDate last = LocalDate.ofInstant(to, schedule.timeZone()).plusDays(1);
        if (schedule.endDate() != null && schedule.endDate().isBefore(last)) {
            last = schedule.endDate();
        }
        List<PlannedOccurrence> occurrences = new ArrayList<>();
        for (LocalDate date = firstScheduledOnOrAfter(schedule, first); date != null && !date.isAfter(last);
                date = nextScheduledAfter(schedule, date)) {
            for (LocalTime time : schedule.times()) {
                PlannedOccurrence occurrence = occurrence(schedule, LocalDateTime.of(date, time));
                if (!occurrence.dueAt().isBefore(from) && occurrence.dueAt().isBefore(to)) {
                    occurrences.add(occurrence);
                }
            }
        }
        // Gap shifts can overtake a later time of the same day (02:30 → 03:30 comes after 03:15).
        occurrences.sort(BY_DUE_AT);
        return occurrences;
    }

    /**
     * The occurrence with this id if the schedule produces it: the id's date must be a scheduled day and its time
     * one of the schedule's times. Empty for ids that are not exactly {@code yyyy-MM-dd'T'HH:mm}.
     */
    public static Optional<PlannedOccurrence> find(Schedule schedule, String occurrenceId) {
        LocalDateTime scheduled;
        try {
            scheduled = LocalDateTime.parse(occurrenceId == null ? "" : occurrenceId, OCCURRENCE_ID);
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
        if (!OCCURRENCE_ID.format(scheduled).equals(occurrenceId)
                || !schedule.times().contains(scheduled.toLocalTime())
                || !schedule.isScheduledOn(scheduled.toLocalDate())) {
            return Optional.empty();
        }
        return Optional.of(occurrence(schedule, scheduled));
    }

    private static PlannedOccurrence occurrence(Schedule schedule, LocalDateTime scheduled) {
        ZonedDateTime due = ZonedDateTime.ofLocal(scheduled, schedule.timeZone(), null);
        Instant dueAt = due.toInstant();
        return new PlannedOccurrence(OCCURRENCE_ID.format(scheduled), dueAt, due.toLocalDateTime(),
                dueAt.plus(schedule.completionWindow()));
    }

    /** Jumps straight to the first date on the schedule's cycle, so a years-old schedule costs nothing extra. */
    private static LocalDate firstScheduledOnOrAfter(Schedule schedule, LocalDate date) {
        if (schedule.recurrence() == Recurrence.ONCE) {
            return date.isAfter(schedule.startDate()) ? null : schedule.startDate();
        }
        long step = schedule.stepInDays();
        long daysSinceStart = ChronoUnit.DAYS.between(schedule.startDate(), date);
        LocalDate candidate = schedule.startDate().plusDays(Math.floorDiv(daysSinceStart + step - 1, step) * step);
        return schedule.isScheduledOn(candidate) ? candidate : nextScheduledAfter(schedule, candidate);
    }

    private static LocalDate nextScheduledAfter(Schedule schedule, LocalDate date) {
        switch (schedule.recurrence()) {
            case ONCE:
                return null;
            case WEEKDAYS:
                LocalDate next = date.plusDays(1);
                while (!schedule.daysOfWeek().contains(next.getDayOfWeek())) {
                    next = next.plusDays(1);
                }
                return next;
            default:
                return date.plusDays(schedule.stepInDays());
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
