package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;

/**
 * goals-service's watermark of the caseload: sent every few seconds on each of {@code lanes} lanes, one per partition
 * of its topic ({@code lane} is a key that lands on that partition). A service that has applied a heartbeat of
 * {@code sentAt} on every lane has applied every caseload change published before it, so the oldest of those times
 * bounds how far behind its copy of the caseload can be.
 */
public record CaseloadHeartbeat(String lane, int lanes, Instant sentAt) implements EventData {
    public String subjectId() { return lane; }
}
