package app.steady.reminders.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * Decides when a reminder may go out, within the client's boundaries:
 * <ul>
 *   <li>opted-out kinds and paused days are suppressed;</li>
 *   <li>a reminder that would fall in quiet hours moves to the end of the quiet hours, unless the occurrence's window
 *       closes first, in which case it is suppressed (never a reminder at night, never one for a closed window);
 *       self-care prompts keep the night (22:00-07:00) free when the client set no quiet hours;</li>
 *   <li>at the moment of sending (also after downtime): a window that has closed suppresses it, and a moment inside
 *       quiet hours moves it to their end again; the daily cap counts reminders sent that local day.</li>
 * </ul>
 * Times are compared in the client's zone, so quiet hours follow daylight saving.
 */
public final class ReminderPlanner {

    private ReminderPlanner() {
    }

    /** When to send a reminder intended for {@code intendedAt}, whose occurrence window closes at {@code windowClosesAt}. */
    public static Decision plan(ReminderKind kind, Instant intendedAt, Instant windowClosesAt, Boundaries boundaries) {
        if (boundaries.optedOut().contains(kind)) {
            return Decision.suppress(SuppressionReason.OPTED_OUT);
        }
        return withinQuietHoursAndPauses(kind, intendedAt, windowClosesAt, boundaries);
    }

    /**
     * The last check as the reminder is about to go out at {@code now} (which may be long after its planned time).
     *
     * @param sentToday reminders already sent to this client on the local day of {@code now}
     */
    public static Decision atDispatch(ReminderKind kind, Instant now, Instant windowClosesAt, Boundaries boundaries,
                                      long sentToday) {
        if (boundaries.optedOut().contains(kind)) {
            return Decision.suppress(SuppressionReason.OPTED_OUT);
        }
        if (windowClosesAt != null && !now.isBefore(windowClosesAt)) {
            return Decision.suppress(SuppressionReason.WINDOW_CLOSED);
        }
        Decision timing = withinQuietHoursAndPauses(kind, now, windowClosesAt, boundaries);
        if (timing.isSuppressed() || timing.sendAt().isAfter(now)) {
            return timing;
        }
        if (sentToday >= boundaries.maxPerDay()) {
            return Decision.suppress(SuppressionReason.DAILY_CAP);
        }
        return Decision.sendAt(now);
    }

    private static Decision withinQuietHoursAndPauses(ReminderKind kind, Instant at, Instant windowClosesAt,
                                                      Boundaries boundaries) {
        ZonedDateTime local = at.atZone(boundaries.timeZone());
        Instant sendAt = at;
        QuietHours quiet = boundaries.quietHoursFor(kind);
        if (quiet != null && quiet.contains(local.toLocalTime())) {
            sendAt = quiet.endAfter(local.toLocalDateTime(), boundaries.timeZone()).toInstant();
            if (windowClosesAt != null && !sendAt.isBefore(windowClosesAt)) {
                return Decision.suppress(SuppressionReason.QUIET_HOURS);
            }
        }
        LocalDateTime sendLocal = LocalDateTime.ofInstant(sendAt, boundaries.timeZone());
        if (boundaries.pausedPeriods().stream().anyMatch(p -> p.contains(sendLocal.toLocalDate()))) {
            return Decision.suppress(SuppressionReason.PAUSED);
        }
        return Decision.sendAt(sendAt);
    }
}
