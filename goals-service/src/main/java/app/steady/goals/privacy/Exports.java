package app.steady.goals.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.EventRejected;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.events.EventJson;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.Sealing;
import app.steady.platform.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Data exports for the client (GDPR access): requested here, answered by every other service with a sealed part,
 * assembled here with goals-service's own part into one machine-readable bundle, kept encrypted under the export's
 * data key for {@code steady.privacy.export-retention} (the download window), after which the key is destroyed.
 */
@Service
public class Exports implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ClientAccess access;
    private final List<ClientDataOwner> owners;
    private final EventJson json;
    private final Duration retention;
    private final Clock clock;
    private final ExportKeys keys;

    Exports(MongoTemplate mongo, AggregateStore store, ClientAccess access, List<ClientDataOwner> owners, EventJson json,
            @Value("${steady.privacy.export-retention}") Duration retention, Clock clock, ExportKeys keys) {
        this.keys = keys;
        this.mongo = mongo;
        this.store = store;
        this.access = access;
        this.owners = owners;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
    }

    /** The export's keys are stored (wrapped) before the request that publishes its public key. */
    public Export request(Caller caller, String clientId) {
        requireClientThemselves(caller, clientId);
        Instant now = clock.instant();
        Export export = Export.requested(UUID.randomUUID().toString(), caller.tenantId(), clientId, now,
                now.plus(retention));
        String publicKey = keys.create(export.id(), export.tenantId(), clientId, export.expiresAt());
        return store.insert(export, caller.tenantId(), List.of(new ClientExportRequested(export.id(), clientId,
                publicKey, now)));
    }

    public Export find(Caller caller, String clientId, String exportId) {
        requireClientThemselves(caller, clientId);
        Export export = mongo.findById(exportId, Export.class);
        if (export == null || !export.tenantId().equals(caller.tenantId()) || !export.clientId().equals(clientId)) {
            throw new NotFoundException("Export " + exportId);
        }
        return export;
    }

    /**
     * What the client gets at the export's address: the parts received so far, the bundle (decrypted on the fly)
     * inside the download window, or that the window has closed.
     */
    public Download download(Caller caller, String clientId, String exportId) {
        Export export = find(caller, clientId, exportId);
        Instant now = clock.instant();
        if (export.isExpiredAt(now)) {
            return new Download(export, Download.State.EXPIRED, null);
        }
        if (!export.isComplete()) {
            return new Download(export, Download.State.ASSEMBLING, null);
        }
        return keys.dataKey(export.id(), now)
                .flatMap(dataKey -> dataKey.decrypt(export.encryptedBundle(), bundleContext(export.id())))
                .map(bundle -> new Download(export, Download.State.READY, new String(bundle, StandardCharsets.UTF_8)))
                .orElseGet(() -> new Download(export, Download.State.EXPIRED, null));
    }

    /** An export as its client finds it; {@code bundleJson} only when {@code READY}. */
    public record Download(Export export, State state, String bundleJson) {
        public enum State { ASSEMBLING, READY, EXPIRED }
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
                if (export == null) {
                    break; // its download window closed and it was deleted (a late part, or a replay): nothing to do
                }
                if (!export.tenantId().equals(event.tenant()) || !export.clientId().equals(part.clientId())) {
                    throw new EventRejected("part of export " + part.exportId()
                            + " names another tenant or client than the request");
                }
                Instant now = clock.instant();
                if (!export.receive(part.service(),
                        new Sealing.Sealed(part.sealedKey(), part.nonce(), part.ciphertext()), now)) {
                    break;
                }
                if (export.hasAllParts()) {
                    Optional<String> bundle = encryptedBundleOf(export, now);
                    if (bundle.isEmpty()) {
                        log.warn("Export {} cannot be assembled: its keys are gone (window closed or client erased)",
                                export.id());
                        break;
                    }
                    export.complete(bundle.get(), now);
                }
                try {
                    store.update(export, event.tenant(), List.of());
                } catch (OptimisticLockingFailureException raced) {
                    // Parts of one export arrive on different topics, possibly at different instances: read again.
                    if (attempt == 10) {
                        throw raced;
                    }
                    continue;
                }
                if (export.isComplete()) {
                    keys.forgetPrivateKey(export.id());
                }
                break;
            }
        }
    }

    /**
     * Ends the download windows that have closed (the store's TTL indexes are not relied on): destroys the exports'
     * keys, then drops their bundles and parts, keeping id, owner and dates for another retention period so the
     * client is answered 410 Gone, not 404. Exports stored in clear before bundles were encrypted are deleted.
     */
    @Scheduled(fixedDelayString = "${steady.privacy.export-purge-every}")
    public void purgeExpired() {
        Instant now = clock.instant();
        keys.destroyExpired(now);
        Criteria holdsContent = new Criteria().orOperator(Stream.concat(
                Stream.of(where("encryptedBundle").exists(true)),
                Export.PART_SERVICES.stream().map(service -> where("parts." + service).exists(true))).toArray(Criteria[]::new));
        mongo.updateMulti(Query.query(where("expiresAt").lte(now).andOperator(holdsContent)),
                new Update().unset("encryptedBundle").set("parts", Map.of()).inc("version", 1), Export.class);
        mongo.remove(Query.query(where("expiresAt").lt(now.minus(retention))), Export.class);
        mongo.remove(Query.query(new Criteria().orOperator(where("bundle").exists(true),
                where("privateKey").exists(true))), Export.class);
    }

    private Optional<String> encryptedBundleOf(Export export, Instant now) {
        return keys.privateKey(export.id()).flatMap(privateKey -> keys.dataKey(export.id(), now)
                .map(dataKey -> dataKey.encrypt(assemble(export, privateKey, now), bundleContext(export.id()))));
    }

    private byte[] assemble(Export export, String privateKey, Instant now) {
        Map<String, Object> services = new TreeMap<>();
        Map<String, Object> own = new LinkedHashMap<>();
        owners.forEach(owner -> own.putAll(owner.export(export.tenantId(), export.clientId())));
        services.put("goals-service", own);
        export.parts().forEach((service, sealed) ->
                services.put(service, json.readTree(Sealing.open(privateKey, sealed))));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("exportId", export.id());
        bundle.put("clientId", export.clientId());
        bundle.put("requestedAt", export.requestedAt().toString());
        bundle.put("assembledAt", now.toString());
        bundle.put("services", services);
        return json.writeValue(bundle);
    }

    private static String bundleContext(String exportId) {
        return "steady.goals.export-bundle:" + exportId;
    }

    private void requireClientThemselves(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        if (!caller.isClient(clientId)) {
            throw new AccessDeniedException("A data export is for the client themselves");
        }
    }
}
