package app.steady.platform.privacy;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.events.EventJson;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Answers client-export-requested with this service's part: what every {@link ClientDataOwner} holds on the
 * client, sealed with the export's public key and published as client-data-exported. The record of having answered
 * (one small document per export, no data in it once published) makes a redelivered request a no-op.
 */
public class ClientExportHandler implements EventHandler {

    private final List<ClientDataOwner> owners;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final EventJson json;
    private final String service;
    private final Clock clock;

    public ClientExportHandler(List<ClientDataOwner> owners, AggregateStore store, MongoTemplate mongo, EventJson json,
                               String service, Clock clock) {
        this.owners = List.copyOf(owners);
        this.store = store;
        this.mongo = mongo;
        this.json = json;
        this.service = service;
        this.clock = clock;
    }

    /** goals-service assembles bundles itself and has no part event: it does not answer requests. */
    /** The stored aggregate, for the outbox relay. */
    public static Class<?> storedType() {
        return AnsweredExport.class;
    }

    @Override
    public Set<EventType> handledTypes() {
        boolean hasPartType = EventType.ofType("steady." + service.replace("-service", "") + ".client-data-exported.v1")
                .isPresent();
        return hasPartType ? Set.of(EventType.CLIENT_EXPORT_REQUESTED) : Set.of();
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            ClientExportRequested request = (ClientExportRequested) event.data();
            if (mongo.findById(request.exportId(), AnsweredExport.class) != null) {
                continue;
            }
            Map<String, Object> sections = new LinkedHashMap<>();
            owners.forEach(owner -> sections.putAll(owner.export(event.tenant(), request.clientId())));
            Instant now = clock.instant();
            Sealing.Sealed sealed = Sealing.seal(request.publicKey(), json.writeValue(sections));
            store.insert(new AnsweredExport(request.exportId(), now), event.tenant(), List.of(new ClientDataExported(
                    request.exportId(), request.clientId(), service, sealed.sealedKey(), sealed.nonce(),
                    sealed.ciphertext(), now)));
        }
    }

    /** This service has answered the export (the part itself only travels, sealed, in the event). */
    @Document("answered_exports")
    @PublishesEvents
    static class AnsweredExport {
        @Id
        String id;
        Instant answeredAt;
        @Version
        Long version;

        AnsweredExport() {
        }

        AnsweredExport(String id, Instant answeredAt) {
            this.id = id;
            this.answeredAt = answeredAt;
        }
    }
}
