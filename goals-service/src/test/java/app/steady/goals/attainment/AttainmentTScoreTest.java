package app.steady.goals.attainment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.steady.goals.attainment.AttainmentTScore.ScoredGoal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttainmentTScoreTest {

    @Test
    void workedExampleFromClinicalReference() {
        // Two goals, weights 1 and 1, scores +1 and 0: T = 50 + 10 / sqrt(0.7 * 2 + 0.3 * 4) = 56.2
        assertThat(AttainmentTScore.of(List.of(new ScoredGoal(1, 1), new ScoredGoal(0, 1))).getAsDouble())
                .isCloseTo(56.2, within(0.05));
    }

    @Test
    void everyGoalMetAsExpectedIsFifty() {
        assertThat(AttainmentTScore.of(List.of(new ScoredGoal(0, 3), new ScoredGoal(0, 1), new ScoredGoal(0, 2)))
                .getAsDouble()).isEqualTo(50.0);
    }

    @Test
    void heavierGoalsCountMore() {
        double heavySuccess = AttainmentTScore.of(List.of(new ScoredGoal(2, 3), new ScoredGoal(-1, 1))).getAsDouble();
        double lightSuccess = AttainmentTScore.of(List.of(new ScoredGoal(2, 1), new ScoredGoal(-1, 3))).getAsDouble();
        assertThat(heavySuccess).isGreaterThan(50).isGreaterThan(lightSuccess);
        assertThat(lightSuccess).isLessThan(50);
    }

    @Test
    void singleGoalAtTheExtremes() {
        // One goal: denominator sqrt(0.7 + 0.3) = 1, so T = 50 ± 20 at ±2.
        assertThat(AttainmentTScore.of(List.of(new ScoredGoal(2, 1))).getAsDouble()).isCloseTo(70.0, within(1e-9));
        assertThat(AttainmentTScore.of(List.of(new ScoredGoal(-2, 5))).getAsDouble()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void noScaledGoalsMeansNoScore() {
        assertThat(AttainmentTScore.of(List.of())).isEmpty();
    }

    @Test
    void scoresAndWeightsOutsideTheScaleAreRefused() {
        assertThatThrownBy(() -> new ScoredGoal(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoredGoal(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
