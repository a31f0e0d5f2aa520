package app.steady.homework.assignment.web;

import app.steady.homework.schedule.Recurrence;
import app.steady.homework.schedule.Schedule;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.web.TimeZones;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A schedule: once, daily, on chosen weekdays, weekly, or every N days; one or more local times a day, between a start
 * and an optional end date, in the client's IANA time zone, each occurrence open for {@code completionWindow} after
 * it is due (ISO-8601 duration, e.g. PT3H59M for "due 20:00, open until 23:59"; default PT4H).
 */
record ScheduleRequest(
        @NotNull Recurrence recurrence,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @NotEmpty @Size(max = 12) List<@NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String> times,
        @Size(max = 7) Set<@NotNull DayOfWeek> daysOfWeek,
        @Min(1) @Max(365) Integer interval,
        @NotBlank @Size(max = 64) String timeZone,
        Duration completionWindow) {

    Schedule toSchedule() {
        try {
            return new Schedule(recurrence, startDate, endDate, times.stream().map(LocalTime::parse).toList(),
                    daysOfWeek == null ? Set.of() : daysOfWeek, interval == null ? 1 : interval,
                    TimeZones.requireValid("schedule.timeZone", timeZone),
                    completionWindow == null ? Duration.ofHours(4) : completionWindow);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            int colon = message.indexOf(':');
            String field = colon > 0 ? "schedule." + message.substring(0, colon).trim() : "schedule";
            throw new InvalidRequestException(field, colon > 0 ? message.substring(colon + 1).trim() : message);
        }
    }
}
