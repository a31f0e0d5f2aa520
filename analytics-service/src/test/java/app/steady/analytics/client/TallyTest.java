package app.steady.analytics.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.analytics.clinical.EpisodeOutcome.Category;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a client record adds to its tenant's aggregates, derived again whenever the record changes. */
class TallyTest {

    /** A Monday: weeks start on it. */
    static final Instant t0 = Instant.parse("2026-01-05T09:00:00Z");

    final ClientRecord record = new ClientRecord(ClientRecord.idOf("tenant", "client"), "tenant", "client");

    @Test
    void eachEpisodeWithAnOutcomeCountsUnderItsTherapistAndTheClientUnderEveryTherapistOfAnEpisode() {
        record.assignedTo("therapist-a", t0);
        score("a1", 16, days(1));
        record.unassignedFrom("therapist-a", days(20)); // a transfer within the episode ...
        record.assignedTo("therapist-b", days(20));
        score("a2", 8, days(30));
        record.unassignedFrom("therapist-b", days(40)); // ... a discharge, and a second episode
        record.assignedTo("therapist-c", days(60));
        score("b1", 8, days(61));
        score("b2", 15, days(90));

        assertThat(record.tallies()).containsExactly(
                new Tally(Tally.Kind.CLIENT, null, null, null, null, null, null, null, null, null),
                new Tally(Tally.Kind.EPISODE, "therapist-b", Category.RELIABLE_RECOVERY, null, 1, 1, 1, 1, null, null),
                new Tally(Tally.Kind.EPISODE, "therapist-c", Category.RELIABLE_DETERIORATION, null, 0, 0, 0, 0, null, null),
                new Tally(Tally.Kind.CLIENT_OF, "therapist-b", null, null, null, null, null, null, null, null),
                new Tally(Tally.Kind.CLIENT_OF, "therapist-c", null, null, null, null, null, null, null, null));
        assertThat(record.tallyRules()).isEqualTo(Tally.RULES);
    }

    @Test
    void aClientNeverAssignedCountsForTheTenantOnlyWithTheirHomeworkByWeek() {
        score("a1", 11, days(0));
        score("a2", 8, days(14));
        homework("o1", days(0), "COMPLETED");
        homework("o2", days(2), "MISSED");
        homework("o3", days(7), "COMPLETED");

        assertThat(record.tallies()).containsExactly(
                new Tally(Tally.Kind.CLIENT, null, null, null, null, null, null, null, null, null),
                new Tally(Tally.Kind.EPISODE, null, Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT, null, 1, 1, 0, 0, null, null),
                new Tally(Tally.Kind.WEEK, null, null, "2026-01-05", null, null, null, null, 1, 2),
                new Tally(Tally.Kind.WEEK, null, null, "2026-01-12", null, null, null, null, 1, 1));
    }

    @Test
    void aRecordHasNoTalliesUntilItsFirstChangeAndAnOpenedEpisodeIsOneToo() {
        assertThat(record.tallyRules()).isNull();
        record.assignedTo("therapist-a", t0);
        score("a1", 20, days(1));
        score("a2", 4, days(10));
        record.openEpisode("therapist-a", days(11));

        assertThat(record.tallyRules()).isEqualTo(Tally.RULES);
        assertThat(record.tallies()).filteredOn(t -> t.kind() == Tally.Kind.EPISODE).singleElement()
                .extracting(Tally::category).isEqualTo(Category.RELIABLE_RECOVERY);
        assertThat(record.tallies()).filteredOn(t -> t.kind() == Tally.Kind.CLIENT_OF).singleElement()
                .extracting(Tally::therapistId).isEqualTo("therapist-a");
    }

    private void score(String id, int total, Instant at) {
        record.assessment(new ClientRecord.AssessmentPoint(id, "PHQ-9", total, "X", false, at));
    }

    private void homework(String occurrence, Instant due, String state) {
        record.homework("a", occurrence, new ClientRecord.HomeworkOutcome(due, state, due.plusSeconds(60), false, null, null),
                due.plusSeconds(60));
    }

    private static Instant days(int days) {
        return t0.plus(Duration.ofDays(days));
    }
}
