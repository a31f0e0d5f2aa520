package app.steady.homework.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.ClientSupportOffered;
import app.steady.homework.questionnaires.Scoring;
import app.steady.homework.questionnaires.StandardMeasures;
import app.steady.homework.support.SupportOffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An assessment's events, written with it in its one document write. */
class AssessmentTest {

    static final Instant AT = Instant.parse("2026-03-30T15:31:00Z");

    @Test
    void aSafetyAnswerIsWrittenWithBothTheClinicalEventAndTheClientsSupport() {
        SupportOffer offer = new SupportOffer("Thank you for telling us.", List.of("Walk the dog"), List.of(), List.of());
        Assessment assessment = new Assessment("a-1", "t", "c-1", null,
                Scoring.score(StandardMeasures.PHQ_9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)), AT, offer);

        assertThat(assessment.completed()).hasSize(2);
        assertThat(assessment.completed().get(0)).isInstanceOf(AssessmentCompleted.class);
        assertThat(assessment.completed().get(1)).isEqualTo(offer.toEvent("c-1", "a-1", AT))
                .isInstanceOf(ClientSupportOffered.class);
    }

    @Test
    void withoutASafetyAnswerOnlyTheClinicalEventIsWritten() {
        Assessment assessment = new Assessment("a-1", "t", "c-1", null,
                Scoring.score(StandardMeasures.PHQ_9, List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)), AT, null);

        assertThat(assessment.completed()).singleElement().isInstanceOf(AssessmentCompleted.class);
    }
}
