package app.steady.platform.safety;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.goals.TenantSafetySettingsUpdated;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * This service's copy of every tenant's safety settings, kept from goals-service's events. Settings are replaced
 * whole and carry a rising version, so redelivery and replay are harmless: an older version never overwrites a newer.
 */
public class TenantSafetyReplica implements TenantSafetyDirectory, EventHandler {

    static final String COLLECTION = "tenant_safety_replica";

    private final MongoTemplate mongo;

    public TenantSafetyReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.TENANT_SAFETY_SETTINGS_UPDATED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            TenantSafetySettings settings = TenantSafetySettings.of(event.tenant(),
                    (TenantSafetySettingsUpdated) event.data());
            Query olderOrNone = Query.query(where("_id").is(event.tenant()).and("settings.version").lt(settings.version()));
            try {
                mongo.upsert(olderOrNone, Update.update("settings", settings), Stored.class, COLLECTION);
            } catch (DuplicateKeyException newerStored) {
                // this version or a newer one is here already
            }
        }
    }

    @Override
    public Optional<TenantSafetySettings> of(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Stored.class, COLLECTION)).map(Stored::settings);
    }

    record Stored(@Id String id, TenantSafetySettings settings) {
    }
}
