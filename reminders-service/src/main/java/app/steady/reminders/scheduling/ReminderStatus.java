package app.steady.reminders.scheduling;

/** A reminder's visible life cycle. */
public enum ReminderStatus {
    SCHEDULED,
    /** Taken by a dispatcher instance, under a lease; back to SCHEDULED-like if the lease runs out. */
    CLAIMED,
    SENT,
    CANCELLED,
    SUPPRESSED,
    FAILED
}
