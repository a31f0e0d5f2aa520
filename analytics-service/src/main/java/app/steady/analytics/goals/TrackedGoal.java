package app.steady.analytics.goals;

import java.time.Instant;

/** A goal's status as of the event that set it. */
public record TrackedGoal(Status status, Instant since) {

    public enum Status {
        ACTIVE, ACHIEVED, DISCONTINUED
    }
}
