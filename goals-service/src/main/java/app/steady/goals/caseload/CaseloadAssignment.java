package app.steady.goals.caseload;

import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.events.EventData;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A client's place on a therapist's caseload; one document per client and tenant. */
@Document("caseload")
@PublishesEvents
public class CaseloadAssignment {

    @Id
    private String id;
    private String tenantId;
    /**
     * Unique across tenants, by the store and not only by a check before the insert: two providers racing for one
     * client id must not both win (every service checks an event's tenant against its client's).
     */
    @Indexed(unique = true)
    private String clientId;
    private String therapistId;
    private Instant changedAt;
    @Version
    private Long version;

    protected CaseloadAssignment() {
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    static CaseloadAssignment newFor(String tenantId, String clientId) {
        CaseloadAssignment assignment = new CaseloadAssignment();
        assignment.id = idOf(tenantId, clientId);
        assignment.tenantId = tenantId;
        assignment.clientId = clientId;
        return assignment;
    }

    /** Assigns the client to a therapist; returns the events that causes (none if nothing changes). */
    List<EventData> assignTo(String newTherapistId, Instant now) {
        if (newTherapistId.equals(therapistId)) {
            return List.of();
        }
        List<EventData> events = therapistId == null
                ? List.of(new ClientAssigned(clientId, newTherapistId, now))
                : List.of(new ClientUnassigned(clientId, therapistId, now), new ClientAssigned(clientId, newTherapistId, now));
        therapistId = newTherapistId;
        changedAt = now;
        return events;
    }

    List<EventData> unassign(Instant now) {
        if (therapistId == null) {
            return List.of();
        }
        List<EventData> events = List.of(new ClientUnassigned(clientId, therapistId, now));
        therapistId = null;
        changedAt = now;
        return events;
    }

    public String clientId() {
        return clientId;
    }

    public String therapistId() {
        return therapistId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    boolean isStored() {
        return version != null;
    }

    public String tenantId() {
        return tenantId;
    }
}
