package app.steady.events.privacy;

import app.steady.events.EventData;
import java.time.Instant;

/**
 * A client's data is to be erased everywhere (right to erasure). Every service deletes what it holds on the client,
 * destroys the client's keys, ignores the client's later events and acknowledges with its client-erased event.
 */
public record ClientErasureRequested(String erasureId, String clientId, String requestedByRole, Instant requestedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
