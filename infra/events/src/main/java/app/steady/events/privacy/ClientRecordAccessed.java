package app.steady.events.privacy;

import app.steady.events.PerServiceEventData;
import java.time.Instant;

/**
 * An audit record: someone other than the client read or changed the client's information (or was refused).
 * The same fact is kept in the producing service's audit store; the event lets a tenant's SIEM collect it.
 */
public record ClientRecordAccessed(String auditId, String clientId, String service, String actorId,
                                   String actorRole, String action, int status, String outcome,
                                   String remoteAddress, Instant at) implements PerServiceEventData {
    public String subjectId() { return clientId; }
}
