package app.steady.reminders.planning;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily period without reminders, in local time, e.g. 22:00-07:00 (spanning midnight) or 13:00-14:00. Start is
 * inclusive, end exclusive.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start == null || end == null || start.equals(end)) {
            throw new IllegalArgumentException("quietHours: start and end must both be given and differ");
        }
    }

    public boolean spansMidnight() {
        return end.isBefore(start);
    }

    public boolean contains(LocalTime time) {
        return spansMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    /** The moment these quiet hours end, for a local date-time inside them. */
    public ZonedDateTime endAfter(LocalDateTime inside, ZoneId zone) {
        LocalDateTime end = inside.toLocalDate().atTime(this.end);
        if (spansMidnight() && !inside.toLocalTime().isBefore(start)) {
            end = end.plusDays(1);
        }
        return ZonedDateTime.ofLocal(end, zone, null);
    }
}
