package app.steady.homework.schedule;

/** How often a piece of homework repeats; every rule counts in the client's local calendar days. */
public enum Recurrence {

    /** Only on the start date (possibly several times that day). */
    ONCE,

    /** Every day. */
    DAILY,

    /** On the chosen days of the week ({@link Schedule#daysOfWeek()}), e.g. Monday, Wednesday and Friday. */
    WEEKDAYS,

    /** On the weekday of the start date, every {@link Schedule#interval()} weeks. */
    WEEKLY,

    /** Every {@link Schedule#interval()} days, counted from the start date. */
    EVERY_N_DAYS
}
