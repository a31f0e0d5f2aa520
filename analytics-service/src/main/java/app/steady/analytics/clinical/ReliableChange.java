package app.steady.analytics.clinical;

/**
 * Reliable and clinically significant change (Jacobson &amp; Truax, 1991): SEM = SD₁·√(1 − r), S_diff = √2·SEM,
 * RCI = (x₂ − x₁) / S_diff; a change is reliable when |RCI| ≥ 1.96. Worked example: SD₁ = 5, r = 0.84 → SEM 2.0,
 * S_diff 2.83, threshold 5.54, i.e. 6 points on a whole-number scale.
 */
public final class ReliableChange {

    private ReliableChange() {
    }

    /** The smallest reliable change in raw points, 1.96 · S_diff, for a measure's baseline SD and reliability r. */
    public static double threshold(double baselineSd, double reliability) {
        double sem = baselineSd * Math.sqrt(1 - reliability);
        double sDiff = Math.sqrt(2) * sem;
        return 1.96 * sDiff;
    }

    /** The reliable change index of a change from {@code baseline} to {@code latest}. */
    public static double index(double baseline, double latest, double baselineSd, double reliability) {
        double sDiff = Math.sqrt(2) * baselineSd * Math.sqrt(1 - reliability);
        return (latest - baseline) / sDiff;
    }

    /**
     * The client's outcome on a measure from baseline to latest, with IAPT's thresholds: recovered (from caseness to
     * below it, and reliably improved), reliably improved, reliably deteriorated, or no reliable change.
     */
    public static Outcome outcome(OutcomeMeasure measure, int baseline, int latest) {
        int change = latest - baseline;
        boolean improved = -change >= measure.reliableChange();
        boolean deteriorated = change >= measure.reliableChange();
        if (improved && baseline >= measure.caseness() && latest < measure.caseness()) {
            return Outcome.RECOVERED;
        }
        if (improved) {
            return Outcome.RELIABLY_IMPROVED;
        }
        if (deteriorated) {
            return Outcome.RELIABLY_DETERIORATED;
        }
        return Outcome.NO_RELIABLE_CHANGE;
    }

    /** PHQ-9 response: a fall of at least 50% from baseline. */
    public static boolean isResponse(int baseline, int latest) {
        return baseline > 0 && latest <= baseline / 2.0;
    }

    /** PHQ-9 remission: a total below 5. */
    public static boolean isRemission(int latest) {
        return latest < OutcomeMeasure.PHQ9_REMISSION_BELOW;
    }

    public enum Outcome {
        RECOVERED, RELIABLY_IMPROVED, NO_RELIABLE_CHANGE, RELIABLY_DETERIORATED
    }
}
