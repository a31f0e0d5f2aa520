package app.steady.platform.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.platform.consuming.ConsumptionLedger;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.store.KeyedReads;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * This service's copy of the caseload, kept from goals-service's assignment events. Each assignment and the record
 * of the events applied to it are one document, written together.
 */
public class CaseloadReplica implements CaseloadDirectory, EventHandler, ClientDataOwner {

    public static final String COLLECTION = "caseload_replica";
    /**
     * Which tenant a client belongs to, keyed by the client id alone (ids are unique across tenants): the tenant check
     * on every consumed batch is then one lookup by _id, with no secondary index needed.
     */
    public static final String CLIENT_TENANTS = "client_tenants";

    private final MongoTemplate mongo;
    private final KeyedReads keyedReads;

    public CaseloadReplica(MongoTemplate mongo, KeyedReads keyedReads) {
        this.mongo = mongo;
        this.keyedReads = keyedReads;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.CLIENT_ASSIGNED, EventType.CLIENT_UNASSIGNED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            String id = event.tenant() + ":" + event.subject();
            Assignment assignment = Optional.ofNullable(mongo.findById(id, Assignment.class, COLLECTION))
                    .orElseGet(() -> new Assignment(id, event.tenant(), event.subject()));
            if (!assignment.ledger.firstDelivery(event)) {
                continue;
            }
            if (event.data() instanceof ClientAssigned assigned) {
                assignment.therapistId = assigned.therapistId();
            } else if (event.data() instanceof ClientUnassigned unassigned
                    && unassigned.therapistId().equals(assignment.therapistId)) {
                assignment.therapistId = null;
            }
            mongo.save(assignment, COLLECTION);
            mongo.upsert(Query.query(where("_id").is(event.subject())), Update.update("tenantId", event.tenant()),
                    CLIENT_TENANTS);
        }
    }

    @Override
    public Optional<String> therapistOf(String tenantId, String clientId) {
        Assignment assignment = mongo.findOne(Query.query(where("_id").is(tenantId + ":" + clientId)),
                Assignment.class, COLLECTION);
        return Optional.ofNullable(assignment).map(a -> a.therapistId);
    }

    @Override
    public Map<String, Set<String>> tenantsOf(Collection<String> clientIds) {
        Map<String, Set<String>> tenants = new HashMap<>();
        keyedReads.whereIn(mongo, "_id", clientIds, Document.class, CLIENT_TENANTS)
                .forEach(known -> tenants.put(known.getString("_id"), Set.of(known.getString("tenantId"))));
        return tenants;
    }

    /** The copy of the assignment goes with the client; a replay cannot bring it back (the client is erased). */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(
                ErasedPart.documents(CLIENT_TENANTS, mongo.remove(
                        Query.query(where("_id").is(clientId).and("tenantId").is(tenantId)), CLIENT_TENANTS).getDeletedCount()),
                ErasedPart.documents(COLLECTION, mongo.remove(
                        Query.query(where("_id").is(tenantId + ":" + clientId)), COLLECTION).getDeletedCount()));
    }

    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return therapistOf(tenantId, clientId).<Map<String, Object>>map(therapist -> Map.of("therapistId", therapist))
                .orElse(Map.of());
    }

    /** One client's assignment as this service knows it. */
    static class Assignment {
        String id;
        String tenantId;
        String clientId;
        String therapistId;
        ConsumptionLedger ledger = new ConsumptionLedger();
        @org.springframework.data.annotation.Version
        Long version;

        Assignment() {
        }

        Assignment(String id, String tenantId, String clientId) {
            this.id = id;
            this.tenantId = tenantId;
            this.clientId = clientId;
        }
    }
}
