package app.steady.platform.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.platform.consuming.ConsumptionLedger;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.privacy.ClientDataOwner;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * This service's copy of the caseload, kept from goals-service's assignment events. Each assignment and the record
 * of the events applied to it are one document, written together.
 */
public class CaseloadReplica implements CaseloadDirectory, EventHandler, ClientDataOwner {

    static final String COLLECTION = "caseload_replica";

    private final MongoTemplate mongo;

    public CaseloadReplica(MongoTemplate mongo) {
        this.mongo = mongo;
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
        }
    }

    @Override
    public Optional<String> therapistOf(String tenantId, String clientId) {
        Assignment assignment = mongo.findOne(Query.query(where("_id").is(tenantId + ":" + clientId)),
                Assignment.class, COLLECTION);
        return Optional.ofNullable(assignment).map(a -> a.therapistId);
    }

    /** The tenant check on every consumed batch looks clients up by id alone. */
    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index("clientId", Sort.Direction.ASC).named("client"));
    }

    @Override
    public Map<String, Set<String>> tenantsOf(Collection<String> clientIds) {
        Query query = Query.query(where("clientId").in(clientIds));
        query.fields().include("tenantId", "clientId");
        return mongo.find(query, Assignment.class, COLLECTION).stream().collect(Collectors.groupingBy(
                assignment -> assignment.clientId, Collectors.mapping(assignment -> assignment.tenantId, Collectors.toSet())));
    }

    /** The copy of the assignment goes with the client; a replay cannot bring it back (the client is erased). */
    @Override
    public long erase(String tenantId, String clientId) {
        return mongo.remove(Query.query(where("_id").is(tenantId + ":" + clientId)), COLLECTION).getDeletedCount();
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
