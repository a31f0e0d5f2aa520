package app.steady.platform.privacy;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.platform.audit.AuditTrail;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a client from this service on client-erasure-requested: every {@link ClientDataOwner} deletes its part
 * (destroying keys where it holds them), the audit trail keeps its facts under the client's digest, and the
 * tombstone is written with the acknowledgement. Redelivery finds the tombstone and does nothing.
 */
public class ClientErasureHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientErasureHandler.class);

    private final List<ClientDataOwner> owners;
    private final AuditTrail audit;
    private final ErasedClients erasedClients;
    private final String service;
    private final Clock clock;

    public ClientErasureHandler(List<ClientDataOwner> owners, AuditTrail audit, ErasedClients erasedClients,
                                String service, Clock clock) {
        this.owners = List.copyOf(owners);
        this.audit = audit;
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
            long erased = 0;
            for (ClientDataOwner owner : owners) {
                erased += owner.erase(event.tenant(), request.clientId());
            }
            boolean keysDestroyed = owners.stream().anyMatch(ClientDataOwner::holdsKeys);
            audit.pseudonymise(event.tenant(), request.clientId());
            erasedClients.record(event.tenant(), new ClientErased(request.erasureId(), request.clientId(), service,
                    erased, keysDestroyed, clock.instant()));
            log.info("Erased client for erasure {}: {} documents, keys destroyed: {}", request.erasureId(), erased,
                    keysDestroyed);
        }
    }
}
