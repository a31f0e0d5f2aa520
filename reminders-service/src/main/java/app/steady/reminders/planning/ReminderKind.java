package app.steady.reminders.planning;

/** What a reminder is about; clients can opt out of each kind. */
public enum ReminderKind {
    /** Before a homework occurrence is due. */
    HOMEWORK,
    /** Before a homework occurrence's window closes, if it is not done yet. */
    HOMEWORK_FOLLOW_UP
}
