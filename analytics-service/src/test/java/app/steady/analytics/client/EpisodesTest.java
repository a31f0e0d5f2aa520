package app.steady.analytics.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Episodes of care kept by the client record, and the baseline each episode's outcome is measured from. */
class EpisodesTest {

    final Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
    final ClientRecord record = new ClientRecord("t:c", "t", "c");

    @Test
    void aReassignmentAtOneInstantIsATransferWithinTheEpisode() {
        record.assignedTo("therapist-a", t0);
        Instant reassigned = t0.plusSeconds(86_400 * 30);
        record.unassignedFrom("therapist-a", reassigned);
        record.assignedTo("therapist-b", reassigned);

        assertThat(record.episodes()).singleElement().satisfies(episode -> {
            assertThat(episode.isOpen()).isTrue();
            assertThat(episode.therapistId()).isEqualTo("therapist-b");
            assertThat(episode.startedAt()).isEqualTo(t0);
        });
    }

    @Test
    void anUnassignmentOnItsOwnIsADischargeAndTheNextAssignmentStartsANewEpisodeWithItsOwnBaseline() {
        record.assignedTo("therapist-a", t0);
        score("a1", 20, t0.plusSeconds(3600));
        record.unassignedFrom("therapist-a", t0.plusSeconds(86_400 * 60));
        record.assignedTo("therapist-a", t0.plusSeconds(86_400 * 90));
        score("b1", 12, t0.plusSeconds(86_400 * 91));
        score("b2", 6, t0.plusSeconds(86_400 * 120));

        assertThat(record.episodes()).hasSize(2);
        assertThat(record.episodes().get(0).endedAt()).isEqualTo(t0.plusSeconds(86_400 * 60));
        assertThat(record.scoresIn(record.currentEpisode(), "PHQ-9")).extracting(ClientRecord.AssessmentPoint::assessmentId)
                .containsExactly("b1", "b2");
        assertThat(ClientInsights.episodeOutcome(record, record.currentEpisode()).orElseThrow().category().name())
                .isEqualTo("RELIABLE_RECOVERY");
    }

    @Test
    void aTherapistOpensANewEpisodeAndScoresBeforeTheFirstEpisodeBelongToTheFirst() {
        score("referral", 15, t0.minusSeconds(86_400));
        record.assignedTo("therapist-a", t0);
        score("a1", 14, t0.plusSeconds(86_400));
        assertThat(record.scoresIn(record.currentEpisode(), "PHQ-9")).hasSize(2);

        Episode opened = record.openEpisode("therapist-a", t0.plusSeconds(86_400 * 2));

        assertThat(opened.number()).isEqualTo(2);
        assertThat(opened.start()).isEqualTo("OPENED");
        assertThat(record.episodes().get(0).isOpen()).isFalse();
        assertThat(record.scoresIn(record.currentEpisode(), "PHQ-9")).isEmpty();
    }

    @Test
    void aMissedOccurrenceIsNotActivityAndAClientWhoNeverDidAnythingIsQuietSinceTheirEpisodeBegan() {
        record.assignedTo("therapist-a", t0);
        record.homework("a", "o1", new ClientRecord.HomeworkOutcome(t0.plusSeconds(3600), "MISSED", t0.plusSeconds(7200),
                false, null, null), t0.plusSeconds(7200));

        assertThat(record.lastActivityAt()).isNull();
        assertThat(record.quietSince()).isEqualTo(t0);
    }

    private void score(String id, int total, Instant at) {
        record.assessment(new ClientRecord.AssessmentPoint(id, "PHQ-9", total, "X", false, at));
    }
}
