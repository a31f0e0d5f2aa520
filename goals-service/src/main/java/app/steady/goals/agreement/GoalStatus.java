package app.steady.goals.agreement;

/** Where a goal is in its life. Superseded agreed versions are kept in its history as {@link #REVISED}. */
public enum GoalStatus {
    /** Proposed by one party; not yet agreed by both to the same version. */
    PROPOSED,
    /** Both parties agreed the same version: the goal is set. */
    AGREED,
    /** The client is working on it. */
    ACTIVE,
    ACHIEVED,
    DISCONTINUED,
    /** A version of the goal that an agreed revision replaced (history only). */
    REVISED;

    boolean isClosed() {
        return this == ACHIEVED || this == DISCONTINUED;
    }
}
