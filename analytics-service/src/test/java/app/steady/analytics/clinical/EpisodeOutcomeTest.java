package app.steady.analytics.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.analytics.clinical.EpisodeOutcome.Category;
import app.steady.analytics.clinical.EpisodeOutcome.Pair;
import org.junit.jupiter.api.Test;

/** Episode outcomes against shared CLINICAL.md, "Episodes of care and outcome categories (NHS Talking Therapies)". */
class EpisodeOutcomeTest {

    @Test
    void aRecoveryWithoutReliableImprovementIsReportedAsSuch() {
        EpisodeOutcome outcome = EpisodeOutcome.of(new Pair(11, 8), null).orElseThrow();
        assertThat(outcome.category()).isEqualTo(Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT);
        assertThat(outcome.recovery()).isTrue();
        assertThat(outcome.reliableImprovement()).isFalse();
        assertThat(outcome.reliableRecovery()).isFalse();
    }

    @Test
    void fromCasenessToBelowItWithAReliableFallIsReliableRecovery() {
        EpisodeOutcome outcome = EpisodeOutcome.of(new Pair(16, 9), new Pair(12, 7)).orElseThrow();
        assertThat(outcome.category()).isEqualTo(Category.RELIABLE_RECOVERY);
        assertThat(outcome.recovery()).isTrue();
        assertThat(outcome.reliableRecovery()).isTrue();
    }

    @Test
    void casenessOnEitherMeasureCountsAndRecoveryNeedsBothBelow() {
        EpisodeOutcome gadOnly = EpisodeOutcome.of(new Pair(6, 5), new Pair(12, 7)).orElseThrow();
        assertThat(gadOnly.casenessAtStart()).isTrue();
        assertThat(gadOnly.category()).isEqualTo(Category.RELIABLE_RECOVERY);
        EpisodeOutcome stillAnxious = EpisodeOutcome.of(new Pair(16, 8), new Pair(9, 8)).orElseThrow();
        assertThat(stillAnxious.recovery()).isFalse();
        assertThat(stillAnxious.category()).isEqualTo(Category.RELIABLE_IMPROVEMENT);
    }

    @Test
    void aReliableRiseOnTheOtherMeasureCancelsImprovementAndDeterioration() {
        EpisodeOutcome mixed = EpisodeOutcome.of(new Pair(14, 8), new Pair(6, 10)).orElseThrow();
        assertThat(mixed.reliableImprovement()).isFalse();
        assertThat(mixed.reliableDeterioration()).isFalse();
        assertThat(mixed.category()).isEqualTo(Category.NO_RELIABLE_CHANGE);
    }

    @Test
    void reliableDeteriorationIsARiseOfSixOnPhq9OrFourOnGad7() {
        assertThat(EpisodeOutcome.of(new Pair(10, 16), null).orElseThrow().category()).isEqualTo(Category.RELIABLE_DETERIORATION);
        assertThat(EpisodeOutcome.of(new Pair(10, 15), null).orElseThrow().category()).isEqualTo(Category.NO_RELIABLE_CHANGE);
        assertThat(EpisodeOutcome.of(null, new Pair(6, 10)).orElseThrow().category()).isEqualTo(Category.RELIABLE_DETERIORATION);
    }

    @Test
    void responseAndRemissionOnlyFromABaselineAtCaseness() {
        EpisodeOutcome low = EpisodeOutcome.of(new Pair(3, 2), null).orElseThrow();
        assertThat(low.remission()).as("a client who starts at 3 has not remitted").isNull();
        assertThat(low.response()).isNull();
        assertThat(low.recovery()).isNull();
        assertThat(low.category()).isEqualTo(Category.NO_RELIABLE_CHANGE);

        EpisodeOutcome halved = EpisodeOutcome.of(new Pair(18, 9), null).orElseThrow();
        assertThat(halved.response()).isTrue();
        assertThat(halved.remission()).isFalse();
        assertThat(EpisodeOutcome.of(new Pair(18, 4), null).orElseThrow().remission()).isTrue();
        assertThat(EpisodeOutcome.of(new Pair(18, 10), null).orElseThrow().response()).isFalse();
    }

    @Test
    void improvementFromBelowCasenessIsReliableImprovementNotRecovery() {
        EpisodeOutcome outcome = EpisodeOutcome.of(new Pair(9, 3), null).orElseThrow();
        assertThat(outcome.category()).isEqualTo(Category.RELIABLE_IMPROVEMENT);
        assertThat(outcome.recovery()).isNull();
    }

    @Test
    void anEpisodeNeedsABaselineAndALaterScore() {
        assertThat(EpisodeOutcome.of(null, null)).isEmpty();
    }
}
