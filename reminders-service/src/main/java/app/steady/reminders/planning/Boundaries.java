package app.steady.reminders.planning;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The limits a client sets on reminders. Defaults: their zone, no quiet hours, at most 6 a day, nothing paused. Self-care
 * prompts keep the night free even then ({@link #quietHoursFor}).
 */
public record Boundaries(ZoneId timeZone, QuietHours quietHours, int maxPerDay, List<PausedPeriod> pausedPeriods,
                         Set<ReminderKind> optedOut) {

    public static final int DEFAULT_MAX_PER_DAY = 6;

    /** Quiet hours for self-care prompts of a client who set none (shared CLINICAL.md: 22:00-07:00 local). */
    public static final QuietHours DEFAULT_NIGHT = new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0));

    public Boundaries {
        pausedPeriods = pausedPeriods == null ? List.of() : List.copyOf(pausedPeriods);
        optedOut = optedOut == null ? Set.of() : Set.copyOf(optedOut);
        if (maxPerDay < 1 || maxPerDay > 50) {
            throw new IllegalArgumentException("maxPerDay: between 1 and 50");
        }
    }

    /**
     * The quiet hours a reminder of this kind keeps: the client's own; if they set none, the default night for
     * self-care prompts (gentle and optional, never at night), and none for homework reminders, which follow the
     * schedule the client agreed.
     */
    public QuietHours quietHoursFor(ReminderKind kind) {
        return quietHours == null && kind == ReminderKind.SELF_CARE ? DEFAULT_NIGHT : quietHours;
    }

    public static Boundaries defaultsIn(ZoneId zone) {
        return new Boundaries(zone, null, DEFAULT_MAX_PER_DAY, List.of(), Set.of());
    }
}
