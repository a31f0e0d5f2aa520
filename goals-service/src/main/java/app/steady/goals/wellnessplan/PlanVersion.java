package app.steady.goals.wellnessplan;

import java.time.Instant;

/** An agreed version of the plan that a later agreed version replaced. */
public record PlanVersion(int version, PlanContent content, Instant agreedAt, Instant replacedAt) {
}
