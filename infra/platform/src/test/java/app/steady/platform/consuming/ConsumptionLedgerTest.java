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
        for (int offset = 0; offset < ConsumptionLedger.RECENT_IDS * 2; offset++) {
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
