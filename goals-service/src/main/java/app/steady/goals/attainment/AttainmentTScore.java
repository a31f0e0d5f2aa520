package app.steady.goals.attainment;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The Goal Attainment Scaling T-score of a client (Kiresuk &amp; Sherman, 1968):
 * {@code T = 50 + 10 · Σwᵢxᵢ / √((1 − ρ) · Σwᵢ² + ρ · (Σwᵢ)²)} with ρ = 0.3, the assumed correlation between goals.
 * T = 50 when every goal is met exactly as expected; each standard deviation above or below moves it by 10.
 * Worked example (shared/CLINICAL.md): weights 1 and 1, scores +1 and 0 → 50 + 10/√2.6 ≈ 56.2.
 */
public final class AttainmentTScore {

    /** The conventional inter-goal correlation. */
    public static final double RHO = 0.3;

    private AttainmentTScore() {
    }

    /** One goal's latest score (-2..+2) and weight (≥ 1). */
    public record ScoredGoal(int score, int weight) {
        public ScoredGoal {
            if (!AttainmentScale.isScore(score)) {
                throw new IllegalArgumentException("A GAS score is -2..+2, not " + score);
            }
            if (weight < 1) {
                throw new IllegalArgumentException("A goal weight is at least 1, not " + weight);
            }
        }
    }

    /** The T-score over the given goals, or empty when there are none. */
    public static OptionalDouble of(List<ScoredGoal> goals) {
        if (goals.isEmpty()) {
            return OptionalDouble.empty();
        }
        double weightedScores = 0;
        double squaredWeights = 0;
        double weights = 0;
        for (ScoredGoal goal : goals) {
            weightedScores += goal.weight() * goal.score();
            squaredWeights += (double) goal.weight() * goal.weight();
            weights += goal.weight();
        }
        double denominator = Math.sqrt((1 - RHO) * squaredWeights + RHO * weights * weights);
        return OptionalDouble.of(50 + 10 * weightedScores / denominator);
    }
}
