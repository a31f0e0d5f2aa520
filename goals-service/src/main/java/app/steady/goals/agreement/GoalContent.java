package app.steady.goals.agreement;

import java.time.LocalDate;

/**
 * What the parties agree on. {@code whyItMatters} is in the client's own words; {@code weight} (1-10) is the goal's
 * weight in the client's Goal Attainment Scaling T-score.
 */
public record GoalContent(String title, String whyItMatters, String measurableTarget, LocalDate targetDate,
                          int weight) {
}
