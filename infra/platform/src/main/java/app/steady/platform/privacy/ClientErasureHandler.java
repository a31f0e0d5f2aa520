package app.steady.platform.privacy;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.platform.audit.AuditTrail;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a client from this service on client-erasure-requested: every {@link ClientDataOwner} deletes its part
 * (destroying keys where it holds them) and reports what the store removed; the acknowledgement lists exactly those
 * observations. The audit trail keeps its facts under the client's digest, and the tombstone is written with the
 * acknowledgement. Redelivery finds the tombstone and does nothing.
 */
public class ClientErasureHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientErasureHandler.class);

    private final List<ClientDataOwner> owners;
    private final AuditTrail audit;
    private final ErasedClientOutbox outbox;
    private final ErasedClients erasedClients;
    private final String service;
    private final Clock clock;

    public ClientErasureHandler(List<ClientDataOwner> owners, AuditTrail audit, ErasedClientOutbox outbox,
                                ErasedClients erasedClients,
                                String service, Clock clock) {
        this.owners = List.copyOf(owners);
        this.audit = audit;
        this.outbox = outbox;
        this.erasedClients = erasedClients;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.CLIENT_ERASURE_REQUESTED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            ClientErasureRequested request = (ClientErasureRequested) event.data();
            if (erasedClients.isErased(event.tenant(), request.clientId())) {
                continue;
            }
            List<ErasedPart> parts = new ArrayList<>();
            for (ClientDataOwner owner : owners) {
                parts.addAll(owner.erase(event.tenant(), request.clientId()));
            }
            audit.pseudonymise(event.tenant(), request.clientId());
            // Events of the client still waiting in this service's outbox: audit ones re-pointed to the digest, the
            // rest removed (every consumer would drop them after the tombstone).
            parts.add(ErasedPart.documents("outbox (pending events)",
                    outbox.forget(event.tenant(), request.clientId()).removed()));
            long erased = parts.stream().mapToLong(ErasedPart::documents).sum();
            long keys = parts.stream().mapToLong(ErasedPart::keys).sum();
            erasedClients.record(event.tenant(), new ClientErased(request.erasureId(), request.clientId(), service,
                    erased, keys > 0, parts.stream().map(p -> new ClientErased.Part(p.where(), p.documents(), p.keys(),
                            p.keyTopicTombstone()))
                    .toList(), clock.instant()));
            log.info("Erased client for erasure {}: {} documents, {} keys destroyed", request.erasureId(), erased, keys);
        }
    }
}
