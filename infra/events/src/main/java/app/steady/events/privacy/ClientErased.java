package app.steady.events.privacy;

import app.steady.events.PerServiceEventData;
import java.time.Instant;

/** One service's acknowledgement of an erasure: how many documents it deleted and whether it destroyed keys. */
public record ClientErased(String erasureId, String clientId, String service, long documentsErased,
                           boolean keysDestroyed, Instant erasedAt) implements PerServiceEventData {
    public String subjectId() { return clientId; }
}
