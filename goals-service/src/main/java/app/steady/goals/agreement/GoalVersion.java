package app.steady.goals.agreement;

import java.time.Instant;

/** An agreed version of a goal that a later agreed revision replaced. */
public record GoalVersion(int version, GoalContent content, Instant agreedAt, Instant revisedAt,
                          GoalStatus status) {
}
