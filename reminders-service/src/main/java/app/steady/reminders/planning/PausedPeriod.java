package app.steady.reminders.planning;

import java.time.LocalDate;

/** Days without any reminder (a holiday, a hospital stay), inclusive, in the client's local dates. */
public record PausedPeriod(LocalDate from, LocalDate to) {

    public PausedPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("pausedPeriods: from and to are required and to may not be before from");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
