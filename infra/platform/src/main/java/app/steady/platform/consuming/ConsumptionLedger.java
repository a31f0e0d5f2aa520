package app.steady.platform.consuming;

import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer has applied to one document, stored inside that document so that recording it and applying
 * the effect are one atomic write.
 *
 * <p>Two guards: the highest offset applied per topic partition (a client's events all travel on one partition,
 * so redelivery and replay of the same topic are recognised in O(1)), and, per topic, the ids of the most recent
 * events (the outbox publishes at least once, so the same event may arrive again at a later offset). Rebuilding a
 * projection therefore means dropping it and replaying, not replaying over it onto new offsets.
 *
 * <p>Why {@value #RECENT_IDS_PER_TOPIC} ids per topic are enough: a topic has one writer, its outbox relay, which
 * sends an event again only when it died (or the store failed) after Kafka committed a round and before the round
 * left the outbox. Its next round then starts with those events, and a round holds at most
 * {@code steady.outbox.max-events-per-subject} events of one client ({@link #MAX_RESENT_PER_SUBJECT} at most): the
 * copies arrive within the window, whatever other topics deliver to the document meanwhile.
 */
public class ConsumptionLedger {

    /** How many recent event ids are remembered per topic and document. */
    public static final int RECENT_IDS_PER_TOPIC = 32;
    /** The most events of one client a relay may send again at once: half the window, so copies are recognised. */
    public static final int MAX_RESENT_PER_SUBJECT = RECENT_IDS_PER_TOPIC / 2;

    private List<PartitionOffset> offsets = new ArrayList<>();
    private List<RecentIds> recentIds = new ArrayList<>();
    /** Documents written before the window was kept per topic: still consulted, never added to. */
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
        RecentIds ofTopic = recentIds.stream().filter(recent -> recent.topic().equals(event.topic())).findFirst()
                .orElse(null);
        if (ofTopic == null) {
            ofTopic = new RecentIds(event.topic(), new ArrayList<>());
            recentIds.add(ofTopic);
        }
        if (ofTopic.ids().contains(event.id()) || recentEventIds.contains(event.id())) {
            return false;
        }
        ofTopic.ids().add(event.id());
        if (ofTopic.ids().size() > RECENT_IDS_PER_TOPIC) {
            ofTopic.ids().remove(0);
        }
        return true;
    }

    public List<PartitionOffset> getOffsets() {
        return offsets;
    }

    public void setOffsets(List<PartitionOffset> offsets) {
        this.offsets = new ArrayList<>(offsets);
    }

    public List<RecentIds> getRecentIds() {
        return recentIds;
    }

    public void setRecentIds(List<RecentIds> recentIds) {
        this.recentIds = new ArrayList<>();
        recentIds.forEach(recent -> this.recentIds.add(new RecentIds(recent.topic(), new ArrayList<>(recent.ids()))));
    }

    public List<String> getRecentEventIds() {
        return recentEventIds;
    }

    public void setRecentEventIds(List<String> recentEventIds) {
        this.recentEventIds = new ArrayList<>(recentEventIds);
    }

    public record PartitionOffset(String topic, int partition, long offset) {
    }

    /** The ids of the latest events applied from one topic, oldest first. */
    public record RecentIds(String topic, List<String> ids) {
    }
}
