package app.steady.goals.agreement;

import app.steady.goals.attainment.AttainmentScale;
import java.time.LocalDate;
import java.util.List;

/**
 * What the parties agree on. {@code whyItMatters} is in the client's own words; {@code strengthIds} name strengths
 * from the client's inventory the goal draws on; {@code steps} are its milestones; {@code scale} is its optional Goal
 * Attainment Scale; {@code weight} (1-10) is its weight in the client's GAS T-score.
 */
public record GoalContent(String title, String whyItMatters, String measurableTarget, LocalDate targetDate,
                          int weight, List<String> strengthIds, List<Step> steps, AttainmentScale scale) {

    public GoalContent {
        strengthIds = strengthIds == null ? List.of() : List.copyOf(strengthIds);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public boolean isScaled() {
        return scale != null;
    }

    /** A milestone on the way to the goal. */
    public record Step(String title, boolean done) {
    }
}
