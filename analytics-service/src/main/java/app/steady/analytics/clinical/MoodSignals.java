package app.steady.analytics.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** Lag-1 autocorrelation of consecutive values. */
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
     * Baseline (first 14 days) and recent (last 14 days) statistics, and the trend (τ) of variance and lag-1
     * autocorrelation over rolling 14-day windows; empty unless the series is sufficient.
     */
    public static Optional<Trends> trends(SortedMap<LocalDate, Double> daily) {
        if (!isSufficient(daily)) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>(daily.values());
        List<Double> variances = new ArrayList<>();
        List<Double> autocorrelations = new ArrayList<>();
        for (int end = 14; end <= values.size(); end++) {
            List<Double> window = values.subList(end - 14, end);
            double sd = sd(window);
            variances.add(sd * sd);
            autocorrelations.add(lag1Autocorrelation(window));
        }
        return Optional.of(new Trends(statistics(values.subList(0, 14)),
                statistics(values.subList(values.size() - 14, values.size())),
                kendallTau(variances), kendallTau(autocorrelations.stream().filter(v -> !v.isNaN()).toList())));
    }

    private static Statistics statistics(List<Double> values) {
        return new Statistics(mean(values), sd(values), lag1Autocorrelation(values));
    }
}
