package app.steady.analytics.flags;

/** The early signs analytics watches for, with their priority. */
public enum FlagKind {
    /** PHQ-9 item 9 (thoughts of self-harm) scored 1 or more: immediate, whatever the total. */
    SAFETY_ITEM(Priority.HIGH),
    /** A reliable deterioration on PHQ-9 (+6) or GAD-7 (+4) from baseline. */
    RELIABLE_DETERIORATION(Priority.HIGH),
    /** Mood well below the client's own baseline for several logged days. */
    LOW_MOOD(Priority.ROUTINE),
    /** A run of missed homework. */
    MISSED_HOMEWORK(Priority.ROUTINE),
    /** No activity at all for a configured number of days. */
    DISENGAGEMENT(Priority.ROUTINE);

    private final Priority priority;

    FlagKind(Priority priority) {
        this.priority = priority;
    }

    public Priority priority() {
        return priority;
    }

    public enum Priority {
        HIGH, ROUTINE
    }
}
