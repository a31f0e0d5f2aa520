package app.steady.analytics.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.steady.analytics.clinical.ReliableChange.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The formulas against the worked examples and thresholds of shared/CLINICAL.md. */
class ClinicalFormulasTest {

    @Test
    void reliableChangeWorkedExample() {
        // SD1 = 5, r = 0.84: SEM = 2.0, S_diff = 2.83, threshold 5.54 -> 6 points
        assertThat(ReliableChange.threshold(5, 0.84)).isCloseTo(5.54, within(0.01));
        assertThat(Math.ceil(ReliableChange.threshold(5, 0.84))).isEqualTo(6);
        assertThat(ReliableChange.index(20, 14, 5, 0.84)).isCloseTo(-6 / 2.828, within(0.01));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource({
            "PHQ_9, 16, 9,  RECOVERED",
            "PHQ_9, 16, 10, RELIABLY_IMPROVED",
            "PHQ_9, 9,  3,  RELIABLY_IMPROVED",
            "PHQ_9, 16, 11, NO_RELIABLE_CHANGE",
            "PHQ_9, 10, 15, NO_RELIABLE_CHANGE",
            "PHQ_9, 10, 16, RELIABLY_DETERIORATED",
            "GAD_7, 12, 7,  RECOVERED",
            "GAD_7, 12, 8,  RELIABLY_IMPROVED",
            "GAD_7, 12, 9,  NO_RELIABLE_CHANGE",
            "GAD_7, 6,  10, RELIABLY_DETERIORATED",
            "GAD_7, 6,  9,  NO_RELIABLE_CHANGE"})
    void outcomeCategoriesUseTheIaptThresholds(OutcomeMeasure measure, int baseline, int latest, Outcome expected) {
        assertThat(ReliableChange.outcome(measure, baseline, latest)).isEqualTo(expected);
    }

    @Test
    void responseIsAHalvingAndRemissionIsBelowFive() {
        assertThat(ReliableChange.isResponse(18, 9)).isTrue();
        assertThat(ReliableChange.isResponse(18, 10)).isFalse();
        assertThat(ReliableChange.isRemission(4)).isTrue();
        assertThat(ReliableChange.isRemission(5)).isFalse();
    }

    @Test
    void earlyWarningStatisticsNeedALongDenseSeries() {
        assertThat(MoodSignals.isSufficient(series(29, 1))).isFalse();
        assertThat(MoodSignals.isSufficient(series(30, 1))).isTrue();
        assertThat(MoodSignals.isSufficient(series(60, 2))).as("half the days logged").isFalse();
        assertThat(MoodSignals.trends(series(20, 1))).isEmpty();
    }

    @Test
    void risingVarianceShowsAsAPositiveTrend() {
        SortedMap<LocalDate, Double> daily = new TreeMap<>();
        LocalDate start = LocalDate.parse("2026-01-01");
        for (int day = 0; day < 42; day++) {
            double swing = 0.1 + day * 0.1;
            daily.put(start.plusDays(day), 6 + (day % 2 == 0 ? swing : -swing));
        }
        MoodSignals.Trends trends = MoodSignals.trends(daily).orElseThrow();
        assertThat(trends.varianceTrendTau()).isGreaterThan(0.8);
        assertThat(trends.recent().sd()).isGreaterThan(trends.baseline().sd());
    }

    @Test
    void basicStatistics() {
        assertThat(MoodSignals.mean(List.of(2.0, 4.0, 6.0))).isEqualTo(4.0);
        assertThat(MoodSignals.sd(List.of(2.0, 4.0, 6.0))).isCloseTo(2.0, within(1e-9));
        assertThat(MoodSignals.lag1Autocorrelation(List.of(1.0, -1.0, 1.0, -1.0, 1.0, -1.0))).isLessThan(-0.8);
        assertThat(MoodSignals.kendallTau(List.of(1.0, 2.0, 3.0, 4.0))).isEqualTo(1.0);
        assertThat(MoodSignals.kendallTau(List.of(4.0, 3.0, 2.0, 1.0))).isEqualTo(-1.0);
    }

    @Test
    void lag1AutocorrelationPairsOnlyConsecutiveCalendarDays() {
        // Alternating days, every other day unlogged: as a list the values look perfectly alternating (r1 near -1),
        // but no two logged days are consecutive, so there is nothing to correlate.
        SortedMap<LocalDate, Double> everyOtherDay = new TreeMap<>();
        LocalDate start = LocalDate.parse("2026-01-01");
        for (int day = 0; day < 20; day += 2) {
            everyOtherDay.put(start.plusDays(day), day % 4 == 0 ? 8.0 : 2.0);
        }
        assertThat(MoodSignals.lag1Autocorrelation(List.copyOf(everyOtherDay.values()))).isLessThan(-0.8);
        assertThat(MoodSignals.lag1Autocorrelation(everyOtherDay)).isNaN();

        SortedMap<LocalDate, Double> daily = new TreeMap<>();
        for (int day = 0; day < 10; day++) {
            daily.put(start.plusDays(day), day % 2 == 0 ? 8.0 : 2.0);
        }
        assertThat(MoodSignals.lag1Autocorrelation(daily)).isCloseTo(-1.0, within(1e-9));
    }

    private static SortedMap<LocalDate, Double> series(int days, int every) {
        SortedMap<LocalDate, Double> daily = new TreeMap<>();
        LocalDate start = LocalDate.parse("2026-01-01");
        for (int day = 0; day < days; day += every) {
            daily.put(start.plusDays(day), 5.0 + (day % 3));
        }
        if (every > 1) {
            daily.put(start.plusDays(days - 1), 5.0);
        }
        return daily;
    }
}
