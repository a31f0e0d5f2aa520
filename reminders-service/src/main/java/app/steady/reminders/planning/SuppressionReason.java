package app.steady.reminders.planning;

/** Why a reminder was not sent; shown to clients and therapists in the reminder's life cycle. */
public enum SuppressionReason {
    /** The client opted out of this kind of reminder. */
    OPTED_OUT,
    /** The client paused reminders for that day. */
    PAUSED,
    /** It would have fallen in quiet hours, and the occurrence's window closes before they end. */
    QUIET_HOURS,
    /** The client's daily maximum was already reached. */
    DAILY_CAP,
    /** Its window had closed by the time it could go out (e.g. after downtime). */
    WINDOW_CLOSED
}
