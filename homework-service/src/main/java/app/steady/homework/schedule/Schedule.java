package app.steady.homework.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a client is meant to do a piece of homework, in their own time zone so that "every morning at 09:00"
 * follows them across daylight-saving changes.
 *
 * @param recurrence       how the homework repeats
 * @param startDate        the first day it may be due
 * @param endDate          the last day it may be due (inclusive), or {@code null} while open-ended
 * @param times            1 to 12 local times per scheduled day, whole minutes, kept sorted
 * @param daysOfWeek       the chosen days for {@link Recurrence#WEEKDAYS}; empty for every other recurrence
 * @param interval         weeks between {@link Recurrence#WEEKLY} occurrences or days between
 *                         {@link Recurrence#EVERY_N_DAYS} ones; 1 for every other recurrence
 * @param timeZone         the client's IANA zone, in which the dates and times are meant
 * @param completionWindow how long after its due time an occurrence stays open (elapsed time, more than 0, at
 *                         most 24 hours): due 20:00 and open until 23:59 is {@code PT3H59M}
 */
public record Schedule(
        Recurrence recurrence,
        LocalDate startDate,
        LocalDate endDate,
        List<LocalTime> times,
        Set<DayOfWeek> daysOfWeek,
        int interval,
        ZoneId timeZone,
        Duration completionWindow) {

    /** More would be nagging rather than homework, and bounds the work per day. */
    public static final int MAX_TIMES_PER_DAY = 12;

    /** The longest an occurrence stays open, so that at most one occurrence of a daily time is open at once. */
    public static final Duration MAX_COMPLETION_WINDOW = Duration.ofHours(24);

    public Schedule {
        require(recurrence != null, "recurrence: required");
        require(startDate != null, "startDate: required");
        require(endDate == null || !endDate.isBefore(startDate), "endDate: before startDate");
        times = sortedDistinctMinutes(times);
        daysOfWeek = chosenDays(recurrence, daysOfWeek);
        require(interval >= 1, "interval: at least 1");
        require(interval == 1 || recurrence == Recurrence.WEEKLY || recurrence == Recurrence.EVERY_N_DAYS,
                "interval: must be 1 unless WEEKLY or EVERY_N_DAYS");
        require(timeZone != null, "timeZone: required");
        require(completionWindow != null && completionWindow.compareTo(Duration.ZERO) > 0
                        && completionWindow.compareTo(MAX_COMPLETION_WINDOW) <= 0,
                "completionWindow: more than 0 and at most 24 hours");
    }

    /** Whether the homework is due on this local date (at each of {@link #times()}). */
    public boolean isScheduledOn(LocalDate date) {
        if (date.isBefore(startDate) || (endDate != null && date.isAfter(endDate))) {
            return false;
        }
        switch (recurrence) {
            case ONCE:
                return date.equals(startDate);
            case DAILY:
                return true;
            case WEEKDAYS:
                return daysOfWeek.contains(date.getDayOfWeek());
            default:
                return ChronoUnit.DAYS.between(startDate, date) % stepInDays() == 0;
        }
    }

    /** Days between two scheduled dates of a cyclic recurrence (WEEKLY, EVERY_N_DAYS); 1 otherwise. */
    long stepInDays() {
        if (recurrence == Recurrence.WEEKLY) {
            return 7L * interval;
        }
        return recurrence == Recurrence.EVERY_N_DAYS ? interval : 1;
    }

    private static List<LocalTime> sortedDistinctMinutes(List<LocalTime> times) {
        require(times != null && !times.isEmpty() && times.size() <= MAX_TIMES_PER_DAY,
                "times: between 1 and " + MAX_TIMES_PER_DAY + " local times");
        List<LocalTime> sorted = new ArrayList<>(times.size());
        for (LocalTime time : times) {
            require(time != null, "times: must not contain null");
            // Occurrence ids are minute-precise, so a second or nanosecond part would make two times share an id.
            require(time.getSecond() == 0 && time.getNano() == 0, "times: whole minutes only, not " + time);
            sorted.add(time);
        }
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            require(!sorted.get(i).equals(sorted.get(i - 1)), "times: " + sorted.get(i) + " given twice");
        }
        return List.copyOf(sorted);
    }

    private static Set<DayOfWeek> chosenDays(Recurrence recurrence, Set<DayOfWeek> daysOfWeek) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (daysOfWeek != null) {
            for (DayOfWeek day : daysOfWeek) {
                require(day != null, "daysOfWeek: must not contain null");
                days.add(day);
            }
        }
        if (recurrence == Recurrence.WEEKDAYS) {
            require(!days.isEmpty(), "daysOfWeek: required for WEEKDAYS");
        } else {
            require(days.isEmpty(), "daysOfWeek: only for WEEKDAYS");
        }
        return Collections.unmodifiableSet(days);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
