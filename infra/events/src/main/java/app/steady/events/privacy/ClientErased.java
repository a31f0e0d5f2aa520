package app.steady.events.privacy;

import app.steady.events.PerServiceEventData;
import java.time.Instant;
import java.util.List;

/**
 * One service's acknowledgement of an erasure, as observed: {@code parts} lists each place it erased from and what
 * the store reported removed there (documents, keys). {@code documentsErased} is their sum and {@code keysDestroyed} says whether
 * any key was destroyed. Acknowledgements written before {@code parts} existed carry none.
 */
public record ClientErased(String erasureId, String clientId, String service, long documentsErased,
                           boolean keysDestroyed, List<Part> parts, Instant erasedAt) implements PerServiceEventData {
    public String subjectId() { return clientId; }

    /**
     * What was removed from one collection (or key store) of the service. {@code keyTopicTombstone}, for the event
     * data key, is where its tombstone landed on the service's key topic ({@code topic-partition@offset}).
     */
    public record Part(String where, long documents, long keys, String keyTopicTombstone) {

        public Part(String where, long documents, long keys) {
            this(where, documents, keys, null);
        }
    }
}
