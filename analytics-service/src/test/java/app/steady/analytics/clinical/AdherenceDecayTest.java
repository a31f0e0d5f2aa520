package app.steady.analytics.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.analytics.clinical.AdherenceDecay.Decay;
import app.steady.analytics.clinical.AdherenceDecay.Week;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked cases of the decay of homework completion against the client's baseline and the expected 1–2 points a week. */
class AdherenceDecayTest {

    static final LocalDate FIRST = LocalDate.of(2025, 1, 6); // a Monday

    @Test
    void flatCompletionHasNoDecay() {
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> 90)).orElseThrow();

        assertThat(decay.baselineRate()).isEqualTo(0.9);
        assertThat(decay.slopePointsPerWeek()).isEqualTo(0.0);
        assertThat(decay.steeperThanExpected()).isFalse();
        assertThat(decay.expectedPointsPerWeek()).isEqualTo("-1 to -2");
        assertThat(decay.weeks()).isEqualTo(8);
        assertThat(decay.since()).isEqualTo(FIRST);
        assertThat(decay.through()).isEqualTo(FIRST.plusWeeks(7));
    }

    @Test
    void theExpectedOneAndAHalfPointsAWeekIsNotSteeper() {
        // 90, 88.5, 87, ... 79.5 % (200 due a week, so the rates are exact)
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> 90 - 1.5 * w)).orElseThrow();

        assertThat(decay.slopePointsPerWeek()).isEqualTo(-1.5);
        assertThat(decay.steeperThanExpected()).isFalse();
        assertThat(decay.worthMentioning(FIRST.plusWeeks(7))).isFalse();
    }

    @Test
    void twoPointsAWeekIsStillExpected() {
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> 90 - 2 * w)).orElseThrow();

        assertThat(decay.slopePointsPerWeek()).isEqualTo(-2.0);
        assertThat(decay.steeperThanExpected()).isFalse();
    }

    @Test
    void fivePointsAWeekIsSteeperAndSaysSoInPlainWords() {
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> 97.5 - 5 * w)).orElseThrow();

        assertThat(decay.baselineRate()).isEqualTo(0.9); // (97.5 + 92.5 + 87.5 + 82.5) / 4
        assertThat(decay.slopePointsPerWeek()).isEqualTo(-5.0);
        assertThat(decay.steeperThanExpected()).isTrue();
        assertThat(decay.worthMentioning(FIRST.plusWeeks(7))).isTrue();
        assertThat(decay.reason()).isEqualTo("homework completion falling 5.0 points a week since a 90% start (1–2 expected)");
    }

    @Test
    void weeksWithNothingDueAreGapsNotZerosAndKeepTheirPlaceInTime() {
        // nothing due in weeks 4 and 5: 5 points a week over calendar weeks, not over the weeks that had homework
        List<Week> weeks = new ArrayList<>(weeks(new int[] {0, 1, 2, 3, 6, 7, 8, 9}, w -> 90 - 5 * w));
        weeks.add(new Week(FIRST.plusWeeks(4), 0, 0));

        Decay decay = AdherenceDecay.of(weeks).orElseThrow();

        assertThat(decay.slopePointsPerWeek()).isEqualTo(-5.0); // collapsing the gap would give -6.9, zeros far worse
        assertThat(decay.weeks()).isEqualTo(8);
        assertThat(decay.through()).isEqualTo(FIRST.plusWeeks(9));
    }

    @Test
    void aFallFromTheBaselineThenAPlateauStillCounts() {
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> w < 4 ? 90 : 50)).orElseThrow();

        assertThat(decay.slopePointsPerWeek()).isLessThan(-2.0);
        assertThat(decay.steeperThanExpected()).isTrue();
    }

    @Test
    void tooFewWeeksAfterTheBaselineIsNotComputed() {
        assertThat(AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6}, w -> 90 - 5 * w))).isEmpty();
        // empty weeks do not make up the number
        List<Week> weeks = new ArrayList<>(weeks(new int[] {0, 1, 2, 3, 4, 5, 6}, w -> 90 - 5 * w));
        weeks.add(new Week(FIRST.plusWeeks(7), 0, 0));
        assertThat(AdherenceDecay.of(weeks)).isEmpty();
        assertThat(AdherenceDecay.of(List.of())).isEmpty();
    }

    @Test
    void anOldSteepDecayIsNotMentionedOnceHomeworkHasStopped() {
        Decay decay = AdherenceDecay.of(weeks(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, w -> 90 - 5 * w)).orElseThrow();

        assertThat(decay.worthMentioning(FIRST.plusWeeks(10))).isTrue(); // newest due 3 weeks before this one
        assertThat(decay.worthMentioning(FIRST.plusWeeks(11))).isFalse();
    }

    /** 200 occurrences due in each given week (weeks after {@link #FIRST}), the given percentage of them completed. */
    private static List<Week> weeks(int[] offsets, java.util.function.IntToDoubleFunction percent) {
        List<Week> weeks = new ArrayList<>();
        for (int w : offsets) {
            weeks.add(new Week(FIRST.plusWeeks(w), (int) Math.round(percent.applyAsDouble(w) * 2), 200));
        }
        return weeks;
    }
}
