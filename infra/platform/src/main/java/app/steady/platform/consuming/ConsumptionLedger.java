package app.steady.platform.consuming;

import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer has applied to one document, stored inside that document so that recording it and applying
 * the effect are one atomic write.
 *
 * <p>Two guards: the highest offset applied per topic partition (a client's events all travel on one partition,
 * so redelivery and replay of the same topic are recognised in O(1)), and the ids of the most recent events
 * (the outbox publishes at least once, so the same event may arrive again at a later offset). Rebuilding a
 * projection therefore means dropping it and replaying, not replaying over it onto new offsets.
 */
public class ConsumptionLedger {

    /** How many recent event ids are remembered per document; the relay re-sends only very recent events. */
    static final int RECENT_IDS = 64;

    private List<PartitionOffset> offsets = new ArrayList<>();
    private List<String> recentEventIds = new ArrayList<>();

    /**
     * Records the event as applied and returns true, or returns false if it was applied before (the caller
     * then leaves the document as it is).
     */
    public boolean firstDelivery(ReceivedEvent<?> event) {
        PartitionOffset applied = offsets.stream()
                .filter(offset -> offset.topic().equals(event.topic()) && offset.partition() == event.partition())
                .findFirst().orElse(null);
        if (applied != null && event.offset() <= applied.offset()) {
            return false;
        }
        if (applied != null) {
            offsets.remove(applied);
        }
        offsets.add(new PartitionOffset(event.topic(), event.partition(), event.offset()));
        if (recentEventIds.contains(event.id())) {
            return false;
        }
        recentEventIds.add(event.id());
        if (recentEventIds.size() > RECENT_IDS) {
            recentEventIds.remove(0);
        }
        return true;
    }

    public List<PartitionOffset> getOffsets() {
        return offsets;
    }

    public void setOffsets(List<PartitionOffset> offsets) {
        this.offsets = new ArrayList<>(offsets);
    }

    public List<String> getRecentEventIds() {
        return recentEventIds;
    }

    public void setRecentEventIds(List<String> recentEventIds) {
        this.recentEventIds = new ArrayList<>(recentEventIds);
    }

    public record PartitionOffset(String topic, int partition, long offset) {
    }
}
