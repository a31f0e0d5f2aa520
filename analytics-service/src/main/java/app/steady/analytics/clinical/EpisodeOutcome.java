package app.steady.analytics.clinical;

import java.util.Optional;

/**
 * The outcome of an episode of care as NHS Talking Therapies (formerly IAPT) counts it, from the first score in the
 * episode (baseline) to the newest by the time it was taken, on PHQ-9 and GAD-7 (shared CLINICAL.md, "Episodes of care
 * and outcome categories"). A measure counts when the episode has a baseline and a later score on it; an episode with
 * neither has no outcome.
 * <ul>
 *   <li>Caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8 (either measure).</li>
 *   <li>Recovery: at caseness at the start and below caseness on both measures at the end.</li>
 *   <li>Reliable improvement: a reliable fall (PHQ-9 ≥ 6, GAD-7 ≥ 4) on at least one measure and no reliable rise on the
 *       other.</li>
 *   <li>Reliable recovery: recovery and reliable improvement.</li>
 *   <li>Reliable deterioration: a reliable rise on at least one measure and no reliable fall on the other.</li>
 *   <li>No reliable change: neither reliable improvement nor reliable deterioration.</li>
 *   <li>Response (PHQ-9 falls by ≥ 50 %) and remission (PHQ-9 &lt; 5): only when the PHQ-9 baseline is at its caseness
 *       (≥ 10); null otherwise, since a client who starts at 3 has not "remitted".</li>
 * </ul>
 * {@code recovery} and {@code reliableRecovery} are null when the episode did not start at caseness (not eligible).
 */
public record EpisodeOutcome(Category category, boolean casenessAtStart, Boolean recovery, boolean reliableImprovement,
                             Boolean reliableRecovery, boolean reliableDeterioration, Boolean response,
                             Boolean remission) {

    /** One headline per episode; {@link #RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT} is a recovery too (e.g. PHQ-9 11 → 8). */
    public enum Category {
        RELIABLE_RECOVERY, RELIABLE_DETERIORATION, RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT, RELIABLE_IMPROVEMENT,
        NO_RELIABLE_CHANGE
    }

    /** A measure's first and newest score in the episode. */
    public record Pair(int baseline, int latest) {
    }

    /** The episode's outcome from its PHQ-9 and GAD-7 pairs (either may be null: fewer than two scores). */
    public static Optional<EpisodeOutcome> of(Pair phq9, Pair gad7) {
        if (phq9 == null && gad7 == null) {
            return Optional.empty();
        }
        boolean caseness = atCaseness(phq9, OutcomeMeasure.PHQ_9, true) || atCaseness(gad7, OutcomeMeasure.GAD_7, true);
        boolean belowAtEnd = !atCaseness(phq9, OutcomeMeasure.PHQ_9, false) && !atCaseness(gad7, OutcomeMeasure.GAD_7, false);
        boolean fell = fell(phq9, OutcomeMeasure.PHQ_9) || fell(gad7, OutcomeMeasure.GAD_7);
        boolean rose = rose(phq9, OutcomeMeasure.PHQ_9) || rose(gad7, OutcomeMeasure.GAD_7);
        boolean improvement = fell && !rose;
        boolean deterioration = rose && !fell;
        Boolean recovery = caseness ? belowAtEnd : null;
        Boolean reliableRecovery = caseness ? belowAtEnd && improvement : null;
        Category category = Boolean.TRUE.equals(reliableRecovery) ? Category.RELIABLE_RECOVERY
                : deterioration ? Category.RELIABLE_DETERIORATION
                : Boolean.TRUE.equals(recovery) ? Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT
                : improvement ? Category.RELIABLE_IMPROVEMENT
                : Category.NO_RELIABLE_CHANGE;
        boolean phq9Caseness = atCaseness(phq9, OutcomeMeasure.PHQ_9, true);
        return Optional.of(new EpisodeOutcome(category, caseness, recovery, improvement, reliableRecovery, deterioration,
                phq9Caseness ? ReliableChange.isResponse(phq9.baseline(), phq9.latest()) : null,
                phq9Caseness ? ReliableChange.isRemission(phq9.latest()) : null));
    }

    private static boolean atCaseness(Pair pair, OutcomeMeasure measure, boolean atStart) {
        return pair != null && (atStart ? pair.baseline() : pair.latest()) >= measure.caseness();
    }

    private static boolean fell(Pair pair, OutcomeMeasure measure) {
        return pair != null && pair.baseline() - pair.latest() >= measure.reliableChange();
    }

    private static boolean rose(Pair pair, OutcomeMeasure measure) {
        return pair != null && pair.latest() - pair.baseline() >= measure.reliableChange();
    }
}
