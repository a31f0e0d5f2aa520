package app.steady.reminders.planning;

/**
 * What a reminder is about. Kinds for the client respect the client's boundaries (and can be opted out of); kinds
 * for the therapist or the on-call contact are clinical notifications and go out when due.
 */
public enum ReminderKind {
    /** Before a homework occurrence is due. */
    HOMEWORK(true),
    /** Before a homework occurrence's window closes, if it is not done yet. */
    HOMEWORK_FOLLOW_UP(true),
    /** A mood check-in not yet logged as its window nears its close: a gentle nudge. */
    MOOD_NUDGE(true),
    /** A periodic invitation to check in on an agreed goal. */
    GOAL_CHECK_IN(true),
    /** Early signs (mood below baseline, disengagement): a gentle pointer to the client's own wellness plan. */
    SELF_CARE(true),
    /** A risk flag, for the treating therapist, at once. */
    RISK_FLAG(false),
    /**
     * A high-priority risk flag for the tenant's on-call clinicians: at once when the therapist cannot be reached, else
     * when nobody acknowledged it in the tenant's escalation time. One per flag.
     */
    RISK_ESCALATION(false),
    /** Missed homework (analytics' MISSED_HOMEWORK flag), a note for the therapist instead of more nagging of the client. */
    MISSED_PATTERN(false),
    /** The therapist's weekly caseload digest. */
    DIGEST(false);

    private final boolean forClient;

    ReminderKind(boolean forClient) {
        this.forClient = forClient;
    }

    /** Whether it goes to the client (within their boundaries) rather than to a clinician. */
    public boolean isForClient() {
        return forClient;
    }
}
