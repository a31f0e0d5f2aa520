package app.steady.analytics.clinical;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast a client's homework completion is falling, against their own baseline and against the decay expected of
 * anyone (shared CLINICAL.md, "Homework and engagement"). Compliance with scheduled prompts starts near 86 % and decays
 * by roughly 1–2 percentage points a week (JMIR 2023, e43826), so some decline is normal; a steeper one is worth a
 * therapist's attention. Homework is one of the better-evidenced ingredients of CBT (Kazantzis et al. 2010, 2016), which
 * is why its decline is worth a look at all.
 * <ul>
 *   <li><b>Weeks</b>: calendar weeks (Monday, UTC) with at least one occurrence due; a week with nothing due is a gap,
 *       never a zero, and keeps its place on the time axis.</li>
 *   <li><b>Baseline</b>: the completion rate (completed / due, pooled) of the first {@value #BASELINE_WEEKS} weeks with
 *       homework due.</li>
 *   <li><b>Slope</b>: the least-squares slope of the weekly completion rate (percent) against calendar weeks since the
 *       first baseline week, fitted over the baseline weeks and every week with homework due after them, in
 *       percentage points a week. The baseline weeks are in the fit so that a fall from the baseline followed by a
 *       plateau still counts as a fall.</li>
 *   <li>Computed only with at least {@value #MIN_WEEKS_AFTER_BASELINE} weeks with homework due after the baseline.</li>
 *   <li><b>Steeper than expected</b>: the slope, rounded to 0.1, below {@value #EXPECTED_STEEPEST} points a week.</li>
 * </ul>
 * Context for a clinician, never a flag or a page, and never shown to the client. Pure arithmetic, no Spring.
 */
public final class AdherenceDecay {

    public static final int BASELINE_WEEKS = 4;
    public static final int MIN_WEEKS_AFTER_BASELINE = 4;
    /** The steepest expected decay, in percentage points a week (JMIR 2023, e43826: roughly 1–2 points). */
    public static final double EXPECTED_STEEPEST = -2.0;
    public static final String EXPECTED = "-1 to -2";
    /** A steeper decay is mentioned only if the newest week with homework due is this week or one of the 3 before. */
    public static final int RECENT_WEEKS = 4;

    private AdherenceDecay() {
    }

    /** Homework due in the calendar week starting {@code weekStarting} (a Monday) and how much of it was completed. */
    public record Week(LocalDate weekStarting, int completed, int due) {
    }

    /**
     * @param baselineRate          completion of the baseline weeks, 0–1 (like the other rates of the summary)
     * @param slopePointsPerWeek    least-squares slope of weekly completion, percentage points a week, rounded to 0.1
     * @param expectedPointsPerWeek always {@value #EXPECTED}
     * @param weeks                 weeks with homework due in the fit (baseline and after)
     * @param since                 the first baseline week
     * @param through               the newest week with homework due in the fit
     */
    public record Decay(double baselineRate, double slopePointsPerWeek, String expectedPointsPerWeek,
                        boolean steeperThanExpected, int weeks, LocalDate since, LocalDate through) {

        /** Worth a line in the therapist's summary: steeper than expected, and still going on (recent homework due). */
        public boolean worthMentioning(LocalDate thisWeek) {
            return steeperThanExpected && !through.isBefore(thisWeek.minusWeeks(RECENT_WEEKS - 1L));
        }

        /** The clinician's line, e.g. "homework completion falling 4.5 points a week since a 90% start (1–2 expected)". */
        public String reason() {
            return String.format(Locale.ROOT, "homework completion falling %.1f points a week since a %d%% start (1–2 expected)",
                    -slopePointsPerWeek, Math.round(baselineRate * 100));
        }
    }

    /** The decay over these weeks (any order; weeks with nothing due are ignored), empty when there are too few. */
    public static Optional<Decay> of(List<Week> weeks) {
        List<Week> due = weeks.stream().filter(w -> w.due() > 0).sorted(Comparator.comparing(Week::weekStarting)).toList();
        if (due.size() < BASELINE_WEEKS + MIN_WEEKS_AFTER_BASELINE) {
            return Optional.empty();
        }
        List<Week> baseline = due.subList(0, BASELINE_WEEKS);
        double baselineRate = baseline.stream().mapToInt(Week::completed).sum()
                / (double) baseline.stream().mapToInt(Week::due).sum();
        LocalDate since = due.get(0).weekStarting();
        double[] x = due.stream().mapToDouble(w -> ChronoUnit.WEEKS.between(since, w.weekStarting())).toArray();
        double[] y = due.stream().mapToDouble(w -> 100.0 * w.completed() / w.due()).toArray();
        double slope = Math.round(slope(x, y) * 10) / 10.0;
        return Optional.of(new Decay(Math.round(baselineRate * 100) / 100.0, slope, EXPECTED,
                slope < EXPECTED_STEEPEST, due.size(), since, due.get(due.size() - 1).weekStarting()));
    }

    /** Ordinary least-squares slope of y on x: Σ (x − x̄)(y − ȳ) / Σ (x − x̄)². */
    static double slope(double[] x, double[] y) {
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        double products = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            products += (x[i] - meanX) * (y[i] - meanY);
            squares += (x[i] - meanX) * (x[i] - meanX);
        }
        return squares == 0 ? 0 : products / squares;
    }
}
