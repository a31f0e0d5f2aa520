package app.steady.analytics.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Early-warning statistics of daily mood (critical slowing down: variance and lag-1 autocorrelation tend to rise
 * before a transition into depression; van de Leemput et al., PNAS 2014). Their predictive value for one person is
 * weak (about 26% sensitivity, 75% specificity in one cohort), so they are computed only for a long, dense series
 * (at least {@value #MIN_DAYS} days with at least {@value #MIN_COVERAGE_PERCENT}% of days logged) and shown as
 * low-confidence context, never as an alert.
 */
public final class MoodSignals {

    public static final int MIN_DAYS = 30;
    public static final int MIN_COVERAGE_PERCENT = 70;
    /** Rolling windows of this many calendar days ... */
    public static final int WINDOW_DAYS = 14;
    /** ... used only with at least this many of their days logged (70 %, as for the whole series). */
    public static final int MIN_WINDOW_ENTRIES = 10;
    /** Consecutive-day pairs a lag-1 autocorrelation needs. */
    public static final int MIN_PAIRS = 2;

    private MoodSignals() {
    }

    public record Statistics(double mean, double sd, double lag1Autocorrelation) {
    }

    public record Trends(Statistics baseline, Statistics recent, double varianceTrendTau, double autocorrelationTrendTau) {
    }

    /** Whether a daily series spanning its first to last day is long and dense enough for early-warning context. */
    public static boolean isSufficient(SortedMap<LocalDate, Double> daily) {
        if (daily.isEmpty()) {
            return false;
        }
        long span = java.time.temporal.ChronoUnit.DAYS.between(daily.firstKey(), daily.lastKey()) + 1L;
        return span >= MIN_DAYS && daily.size() * 100L >= span * MIN_COVERAGE_PERCENT;
    }

    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation. */
    public static double sd(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    /**
     * Lag-1 autocorrelation of daily means over calendar days, gaps left as gaps: only pairs of consecutive calendar days
     * both logged count. r₁ = (Σ pairs (x_d − m)(x_{d+1} − m) / P) / (Σ (x_d − m)² / n), NaN with fewer than
     * {@value #MIN_PAIRS} pairs.
     */
    public static double lag1Autocorrelation(SortedMap<LocalDate, Double> daily) {
        double mean = mean(new ArrayList<>(daily.values()));
        double products = 0;
        int pairs = 0;
        double squares = 0;
        for (Map.Entry<LocalDate, Double> day : daily.entrySet()) {
            double deviation = day.getValue() - mean;
            squares += deviation * deviation;
            Double next = daily.get(day.getKey().plusDays(1));
            if (next != null) {
                products += deviation * (next - mean);
                pairs++;
            }
        }
        return pairs < MIN_PAIRS || squares == 0 ? Double.NaN : (products / pairs) / (squares / daily.size());
    }

    /** Lag-1 autocorrelation of consecutive values (a series without gaps). */
    public static double lag1Autocorrelation(List<Double> values) {
        if (values.size() < 3) {
            return Double.NaN;
        }
        double mean = mean(values);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < values.size(); i++) {
            double deviation = values.get(i) - mean;
            denominator += deviation * deviation;
            if (i > 0) {
                numerator += deviation * (values.get(i - 1) - mean);
            }
        }
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /** Kendall's τ-a of a series against time: +1 steadily rising, −1 steadily falling. */
    public static double kendallTau(List<Double> values) {
        int concordant = 0;
        int discordant = 0;
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                double d = values.get(j) - values.get(i);
                if (d > 0) {
                    concordant++;
                } else if (d < 0) {
                    discordant++;
                }
            }
        }
        int pairs = values.size() * (values.size() - 1) / 2;
        return pairs == 0 ? Double.NaN : (concordant - discordant) / (double) pairs;
    }

    /**
     * Baseline (first {@value #WINDOW_DAYS} calendar days) and recent (last {@value #WINDOW_DAYS} calendar days)
     * statistics, and the trend (τ) of variance and lag-1 autocorrelation over rolling {@value #WINDOW_DAYS}-day calendar
     * windows (each with at least {@value #MIN_WINDOW_ENTRIES} days logged; unlogged days are gaps, never filled); empty
     * unless the series is sufficient.
     */
    public static Optional<Trends> trends(SortedMap<LocalDate, Double> daily) {
        if (!isSufficient(daily)) {
            return Optional.empty();
        }
        LocalDate first = daily.firstKey();
        LocalDate last = daily.lastKey();
        List<Double> variances = new ArrayList<>();
        List<Double> autocorrelations = new ArrayList<>();
        for (LocalDate start = first; !start.plusDays(WINDOW_DAYS - 1).isAfter(last); start = start.plusDays(1)) {
            SortedMap<LocalDate, Double> window = daily.subMap(start, start.plusDays(WINDOW_DAYS));
            if (window.size() >= MIN_WINDOW_ENTRIES) {
                double sd = sd(new ArrayList<>(window.values()));
                variances.add(sd * sd);
                autocorrelations.add(lag1Autocorrelation(window));
            }
        }
        return Optional.of(new Trends(statistics(daily.subMap(first, first.plusDays(WINDOW_DAYS))),
                statistics(daily.tailMap(last.minusDays(WINDOW_DAYS - 1))),
                kendallTau(variances), kendallTau(autocorrelations.stream().filter(v -> !v.isNaN()).toList())));
    }

    private static Statistics statistics(SortedMap<LocalDate, Double> daily) {
        List<Double> values = new ArrayList<>(daily.values());
        return new Statistics(mean(values), sd(values), lag1Autocorrelation(daily));
    }
}
