package app.steady.goals.agreement;

/** Where a goal is in its life. */
public enum GoalStatus {
    /** Proposed by one party; not yet agreed by both. */
    PROPOSED,
    /** Both parties agreed the same version: the goal is set. */
    AGREED,
    ACTIVE,
    ACHIEVED,
    DISCONTINUED,
    REVISED
}
