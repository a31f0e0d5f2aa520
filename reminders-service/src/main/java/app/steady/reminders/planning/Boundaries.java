package app.steady.reminders.planning;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The limits a client sets on reminders. Defaults: their zone, no quiet hours, at most 6 a day, nothing paused. */
public record Boundaries(ZoneId timeZone, QuietHours quietHours, int maxPerDay, List<PausedPeriod> pausedPeriods,
                         Set<ReminderKind> optedOut) {

    public static final int DEFAULT_MAX_PER_DAY = 6;

    public Boundaries {
        pausedPeriods = pausedPeriods == null ? List.of() : List.copyOf(pausedPeriods);
        optedOut = optedOut == null ? Set.of() : Set.copyOf(optedOut);
        if (maxPerDay < 1 || maxPerDay > 50) {
            throw new IllegalArgumentException("maxPerDay: between 1 and 50");
        }
    }

    public static Boundaries defaultsIn(ZoneId zone) {
        return new Boundaries(zone, null, DEFAULT_MAX_PER_DAY, List.of(), Set.of());
    }
}
