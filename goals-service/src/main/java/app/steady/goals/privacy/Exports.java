package app.steady.goals.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.events.EventJson;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.Sealing;
import app.steady.platform.security.Caller;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Data exports for the client (GDPR access): requested here, answered by every other service with a sealed part,
 * assembled here with goals-service's own part into one machine-readable bundle, kept for
 * {@code steady.privacy.export-retention}.
 */
@Service
public class Exports implements EventHandler {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ClientAccess access;
    private final List<ClientDataOwner> owners;
    private final EventJson json;
    private final Duration retention;
    private final Clock clock;

    Exports(MongoTemplate mongo, AggregateStore store, ClientAccess access, List<ClientDataOwner> owners, EventJson json,
            @Value("${steady.privacy.export-retention}") Duration retention, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.access = access;
        this.owners = owners;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
    }

    public Export request(Caller caller, String clientId) {
        requireClientThemselves(caller, clientId);
        KeyPair keys = Sealing.newKeyPair();
        Instant now = clock.instant();
        Export export = Export.requested(UUID.randomUUID().toString(), caller.tenantId(), clientId,
                Sealing.encode(keys.getPrivate()), now, now.plus(retention));
        return store.insert(export, caller.tenantId(), List.of(new ClientExportRequested(export.id(), clientId,
                Sealing.encode(keys.getPublic()), now)));
    }

    public Export find(Caller caller, String clientId, String exportId) {
        requireClientThemselves(caller, clientId);
        Export export = mongo.findById(exportId, Export.class);
        if (export == null || !export.tenantId().equals(caller.tenantId()) || !export.clientId().equals(clientId)) {
            throw new NotFoundException("Export " + exportId);
        }
        return export;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.HOMEWORK_CLIENT_DATA_EXPORTED, EventType.REMINDERS_CLIENT_DATA_EXPORTED,
                EventType.ANALYTICS_CLIENT_DATA_EXPORTED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            ClientDataExported part = (ClientDataExported) event.data();
            for (int attempt = 1; ; attempt++) {
                Export export = mongo.findById(part.exportId(), Export.class);
                if (export == null || !export.receive(part.service(),
                        new Sealing.Sealed(part.sealedKey(), part.nonce(), part.ciphertext()))) {
                    break;
                }
                if (export.hasAllParts()) {
                    export.complete(assemble(export), clock.instant());
                }
                try {
                    store.update(export, event.tenant(), List.of());
                    break;
                } catch (OptimisticLockingFailureException raced) {
                    // Parts of one export arrive on different topics, possibly at different instances: read again.
                    if (attempt == 10) {
                        throw raced;
                    }
                }
            }
        }
    }

    /** Expired bundles are deleted (the store's TTL indexes are not relied on). */
    @Scheduled(fixedDelayString = "${steady.privacy.export-purge-every}")
    public void purgeExpired() {
        mongo.remove(Query.query(where("expiresAt").lt(clock.instant())), Export.class);
    }

    private String assemble(Export export) {
        Map<String, Object> services = new TreeMap<>();
        Map<String, Object> own = new LinkedHashMap<>();
        owners.forEach(owner -> own.putAll(owner.export(export.tenantId(), export.clientId())));
        services.put("goals-service", own);
        export.parts().forEach((service, sealed) ->
                services.put(service, json.readTree(Sealing.open(export.privateKey(), sealed))));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("exportId", export.id());
        bundle.put("clientId", export.clientId());
        bundle.put("requestedAt", export.requestedAt().toString());
        bundle.put("assembledAt", clock.instant().toString());
        bundle.put("services", services);
        return new String(json.writeValue(bundle), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void requireClientThemselves(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        if (!caller.isClient(clientId)) {
            throw new AccessDeniedException("A data export is for the client themselves");
        }
    }
}
