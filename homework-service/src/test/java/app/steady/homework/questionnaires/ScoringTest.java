package app.steady.homework.questionnaires;

import static app.steady.homework.questionnaires.StandardMeasures.GAD_7;
import static app.steady.homework.questionnaires.StandardMeasures.PHQ_9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    // --- Bands ---

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
        "0, MINIMAL", "4, MINIMAL",
        "5, MILD", "9, MILD",
        "10, MODERATE", "14, MODERATE",
        "15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE",
        "20, SEVERE", "27, SEVERE"
    })
    void phq9TotalsFallInTheirPublishedBandAtEveryBoundary(int total, String band) {
        AssessmentScore score = Scoring.score(PHQ_9, answersTotalling(PHQ_9, total));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({
        "0, MINIMAL", "4, MINIMAL",
        "5, MILD", "9, MILD",
        "10, MODERATE", "14, MODERATE",
        "15, SEVERE", "21, SEVERE"
    })
    void gad7TotalsFallInTheirPublishedBandAtEveryBoundary(int total, String band) {
        AssessmentScore score = Scoring.score(GAD_7, answersTotalling(GAD_7, total));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    // --- Caseness ---

    @Test
    void phq9CasenessStartsAtATotalOfTen() {
        assertThat(Scoring.score(PHQ_9, answersTotalling(PHQ_9, 9)).caseness()).isFalse();
        assertThat(Scoring.score(PHQ_9, answersTotalling(PHQ_9, 10)).caseness()).isTrue();
    }

    @Test
    void gad7CasenessStartsAtATotalOfEight() {
        assertThat(Scoring.score(GAD_7, answersTotalling(GAD_7, 7)).caseness()).isFalse();
        assertThat(Scoring.score(GAD_7, answersTotalling(GAD_7, 8)).caseness()).isTrue();
    }

    // --- Safety signal ---

    @Test
    void anyThoughtsOfSelfHarmOnPhq9ItemNineRaiseTheSafetySignalEvenWhenTheTotalIsMinimal() {
        AssessmentScore score = Scoring.score(PHQ_9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1));

        assertThat(score.safetySignal()).isTrue();
        assertThat(score.total()).isEqualTo(1);
        assertThat(score.band()).isEqualTo("MINIMAL");
        assertThat(score.caseness()).isFalse();
    }

    @Test
    void aSeverePhq9TotalWithoutThoughtsOfSelfHarmRaisesNoSafetySignal() {
        AssessmentScore score = Scoring.score(PHQ_9, List.of(3, 3, 3, 3, 3, 3, 3, 3, 0));

        assertThat(score.total()).isEqualTo(24);
        assertThat(score.band()).isEqualTo("SEVERE");
        assertThat(score.caseness()).isTrue();
        assertThat(score.safetySignal()).isFalse();
    }

    @Test
    void gad7HasNoSafetyItemSoNeverRaisesTheSafetySignal() {
        assertThat(Scoring.score(GAD_7, List.of(3, 3, 3, 3, 3, 3, 3)).safetySignal()).isFalse();
    }

    @Test
    void theScoreKeepsTheMeasureCodeAndTheAnswersInItemOrder() {
        List<Integer> answers = new ArrayList<>(List.of(1, 2, 3, 0, 1, 2, 3));

        AssessmentScore score = Scoring.score(GAD_7, answers);
        answers.set(0, 3);

        assertThat(score.measure()).isEqualTo("GAD-7");
        assertThat(score.items()).containsExactly(1, 2, 3, 0, 1, 2, 3);
        assertThat(score.total()).isEqualTo(12);
    }

    // --- Invalid answers ---

    @Test
    void tooFewAnswersAreRefused() {
        assertProblems(PHQ_9, List.of(0, 0, 0, 0, 0, 0, 0, 0), "items: expected 9 answers but got 8");
    }

    @Test
    void tooManyAnswersAreRefused() {
        assertProblems(GAD_7, List.of(0, 0, 0, 0, 0, 0, 0, 0), "items: expected 7 answers but got 8");
    }

    @Test
    void anUnansweredItemIsRefusedRatherThanCountedAsZero() {
        assertProblems(PHQ_9, Arrays.asList(0, 1, 2, 3, 0, null, 1, 2, 3), "items[5]: missing");
    }

    @Test
    void answersOutsideTheItemScaleAreRefused() {
        assertProblems(PHQ_9, List.of(0, 1, 2, 4, 0, 0, -1, 0, 0), "items[3]: 4 is outside 0..3",
                "items[6]: -1 is outside 0..3");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertProblems(GAD_7, Arrays.asList(7, null, 0), "items: expected 7 answers but got 3",
                "items[0]: 7 is outside 0..3", "items[1]: missing");
    }

    @Test
    void noAnswersAtAllAreRefused() {
        assertProblems(GAD_7, null, "items: expected 7 answers but got none");
        assertProblems(GAD_7, List.of(), "items: expected 7 answers but got 0");
    }

    // --- Measures as data ---

    @Test
    void theStandardRegistryOffersPhq9AndGad7() {
        MeasureRegistry registry = MeasureRegistry.standard();

        assertThat(registry.all()).extracting(Measure::code).containsExactly("PHQ-9", "GAD-7");
        assertThat(registry.find("PHQ-9")).contains(PHQ_9);
        assertThat(registry.find("BDI-II")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void aMeasureWhoseBandsLeaveAGapIsRefused() {
        List<Band> bandsMissingTen = List.of(new Band("MINIMAL", 0, 4), new Band("MILD", 5, 9),
                new Band("MODERATE", 11, 14), new Band("SEVERE", 15, 21));

        assertThatThrownBy(() -> gad7With(bandsMissingTen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bands: gap between MILD 5..9 and MODERATE 11..14");
    }

    @Test
    void aMeasureWhoseBandsOverlapOrStopShortIsRefused() {
        assertThatThrownBy(() -> gad7With(List.of(new Band("LOW", 0, 10), new Band("HIGH", 10, 21))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bands: HIGH 10..21 overlaps LOW 0..10");
        assertThatThrownBy(() -> gad7With(List.of(new Band("LOW", 0, 10), new Band("HIGH", 11, 20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bands: must end at 21");
        assertThatThrownBy(() -> gad7With(List.of(new Band("LOW", 1, 10), new Band("HIGH", 11, 21))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bands: must start at 0");
    }

    @Test
    void aSecondMeasureWithTheSameCodeIsRefused() {
        assertThatThrownBy(() -> MeasureRegistry.standard().with(PHQ_9))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code: PHQ-9 is already registered");
    }

    @Test
    void aCustomMeasureIsAddedAndScoredWithoutCodeChanges() {
        Measure phq2 = new Measure("PHQ-2", "Patient Health Questionnaire-2", 2, 0, 3,
                List.of(new Band("NEGATIVE", 0, 2), new Band("POSITIVE", 3, 6)), 3, null, 0,
                "Kroenke K, Spitzer RL, Williams JBW (2003). Med Care 41:1284-1292.");
        MeasureRegistry standard = MeasureRegistry.standard();

        MeasureRegistry extended = standard.with(phq2);
        Measure found = extended.find("PHQ-2").orElseThrow();

        assertThat(Scoring.score(found, List.of(1, 1)))
                .isEqualTo(new AssessmentScore("PHQ-2", List.of(1, 1), 2, "NEGATIVE", false, false));
        assertThat(Scoring.score(found, List.of(2, 1)))
                .isEqualTo(new AssessmentScore("PHQ-2", List.of(2, 1), 3, "POSITIVE", true, false));
        assertThat(extended.all()).extracting(Measure::code).containsExactly("PHQ-9", "GAD-7", "PHQ-2");
        assertThat(standard.find("PHQ-2")).as("the original registry is unchanged").isEmpty();
    }

    // --- Helpers ---

    private static void assertProblems(Measure measure, List<Integer> answers, String... problems) {
        assertThatThrownBy(() -> Scoring.score(measure, answers))
                .isInstanceOfSatisfying(InvalidAnswersException.class,
                        refused -> assertThat(refused.problems()).containsExactly(problems));
    }

    /** Answers filling items from the first onwards, so the last item (PHQ-9's safety item) is 0 up to 24. */
    private static List<Integer> answersTotalling(Measure measure, int total) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(measure.items(), measure.itemMin()));
        int remaining = total - measure.minTotal();
        for (int i = 0; i < answers.size() && remaining > 0; i++) {
            int raise = Math.min(remaining, measure.itemMax() - measure.itemMin());
            answers.set(i, measure.itemMin() + raise);
            remaining -= raise;
        }
        return answers;
    }

    private static Measure gad7With(List<Band> bands) {
        return new Measure("GAD-7", "Generalized Anxiety Disorder-7", 7, 0, 3, bands, 8, null, 0, GAD_7.source());
    }
}
