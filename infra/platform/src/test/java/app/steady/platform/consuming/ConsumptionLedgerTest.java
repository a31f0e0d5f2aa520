package app.steady.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsumptionLedgerTest {

    final ConsumptionLedger ledger = new ConsumptionLedger();

    @Test
    void anEventIsAppliedOnce() {
        assertThat(ledger.firstDelivery(event("e1", "goals", 0, 10))).isTrue();
        assertThat(ledger.firstDelivery(event("e1", "goals", 0, 10))).isFalse();
    }

    @Test
    void replayedOffsetsAreRecognisedEvenBeyondTheRecentIdWindow() {
        for (int offset = 0; offset < ConsumptionLedger.RECENT_IDS_PER_TOPIC * 2; offset++) {
            assertThat(ledger.firstDelivery(event("e" + offset, "goals", 0, offset))).isTrue();
        }
        assertThat(ledger.firstDelivery(event("e0", "goals", 0, 0))).as("replay of the first event").isFalse();
    }

    @Test
    void theSameEventPublishedAgainAtALaterOffsetIsRecognisedByItsId() {
        assertThat(ledger.firstDelivery(event("e1", "goals", 0, 10))).isTrue();
        assertThat(ledger.firstDelivery(event("e1", "goals", 0, 11))).isFalse();
        assertThat(ledger.firstDelivery(event("e2", "goals", 0, 12))).isTrue();
    }

    @Test
    void aRoundSentAgainIsRecognisedWhateverOtherTopicsDeliveredMeanwhile() {
        // The relay's round: as many of the client's homework events as it may send at once.
        for (int i = 0; i < ConsumptionLedger.MAX_RESENT_PER_SUBJECT; i++) {
            assertThat(ledger.firstDelivery(event("hw" + i, "homework", 0, i))).isTrue();
        }
        // Meanwhile another topic delivers many events to the same document.
        for (int i = 0; i < ConsumptionLedger.RECENT_IDS_PER_TOPIC * 3; i++) {
            assertThat(ledger.firstDelivery(event("goal" + i, "goals", 0, i))).isTrue();
        }
        // The homework relay, restarted, sends the round again (new offsets, same ids), then new events.
        for (int i = 0; i < ConsumptionLedger.MAX_RESENT_PER_SUBJECT; i++) {
            assertThat(ledger.firstDelivery(event("hw" + i, "homework", 0, 100 + i))).as("copy of hw" + i).isFalse();
        }
        assertThat(ledger.firstDelivery(event("hw-new", "homework", 0, 200))).isTrue();
    }

    @Test
    void idsRecordedBeforeTheWindowWasKeptPerTopicAreStillRecognised() {
        ledger.setRecentEventIds(java.util.List.of("legacy"));
        assertThat(ledger.firstDelivery(event("legacy", "goals", 0, 5))).isFalse();
    }

    @Test
    void partitionsAndTopicsAreTrackedSeparately() {
        assertThat(ledger.firstDelivery(event("a", "goals", 0, 100))).isTrue();
        assertThat(ledger.firstDelivery(event("b", "goals", 1, 5))).isTrue();
        assertThat(ledger.firstDelivery(event("c", "homework", 0, 5))).isTrue();
        assertThat(ledger.getOffsets()).hasSize(3);
    }

    private static ReceivedEvent<?> event(String id, String topic, int partition, long offset) {
        return new ReceivedEvent<>(id, EventType.GOAL_SET, "goals-service", "c-1", "t-1", Instant.now(), null,
                null, topic, partition, offset);
    }
}
