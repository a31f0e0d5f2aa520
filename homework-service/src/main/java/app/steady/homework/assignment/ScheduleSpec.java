package app.steady.homework.assignment;

import app.steady.homework.schedule.Recurrence;
import app.steady.homework.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A schedule as stored: plain fields the document mapper understands; {@link #toSchedule()} gives the domain rule. */
public record ScheduleSpec(Recurrence recurrence, LocalDate startDate, LocalDate endDate, List<String> times,
                           Set<DayOfWeek> daysOfWeek, int interval, String timeZone, long completionWindowMinutes) {

    public Schedule toSchedule() {
        return new Schedule(recurrence, startDate, endDate, times.stream().map(LocalTime::parse).toList(),
                daysOfWeek == null ? Set.of() : daysOfWeek, interval, ZoneId.of(timeZone),
                Duration.ofMinutes(completionWindowMinutes));
    }

    public static ScheduleSpec of(Schedule schedule) {
        return new ScheduleSpec(schedule.recurrence(), schedule.startDate(), schedule.endDate(),
                schedule.times().stream().map(LocalTime::toString).toList(), schedule.daysOfWeek(), schedule.interval(),
                schedule.timeZone().getId(), schedule.completionWindow().toMinutes());
    }
}
