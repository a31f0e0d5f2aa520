package app.steady.goals.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.goals.caseload.Caseload;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.EventRejected;
import app.steady.platform.consuming.ReceivedEvent;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.privacy.SubjectDigest;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Erasure requests (by the client or their tenant's admin) and their proof, completed by the services'
 * acknowledgements as they arrive.
 */
@Service
public class Erasures implements EventHandler {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Caseload caseload;
    private final ClientAccess access;
    private final Clock clock;
    private final SubjectDigest digest;

    Erasures(MongoTemplate mongo, AggregateStore store, Caseload caseload, ClientAccess access, Clock clock,
             SubjectDigest digest) {
        this.mongo = mongo;
        this.store = store;
        this.caseload = caseload;
        this.access = access;
        this.clock = clock;
        this.digest = digest;
    }

    /**
     * Requests the erasure, or returns the one already requested for this client — also once it has run and the
     * client is gone (a repeated request by the tenant's admin or the client is answered, not refused).
     */
    public Erasure request(Caller caller, String clientId) {
        String subject = digest.of(caller.tenantId(), clientId);
        boolean adminOrClient = caller.role() == Role.ADMIN || caller.isClient(clientId);
        // Also an erasure requested before digests were keyed (its subject is the unkeyed form).
        Optional<Erasure> existing = Optional.ofNullable(mongo.findOne(Query.query(where("subject")
                .in(digest.storedForms(caller.tenantId(), clientId)).and("tenantId").is(caller.tenantId())), Erasure.class));
        if (adminOrClient && existing.isPresent()) {
            return existing.get();
        }
        boolean admin = caller.role() == Role.ADMIN && caseload.find(caller.tenantId(), clientId).isPresent();
        if (!admin) {
            access.requireAccess(caller, clientId);
            if (!caller.isClient(clientId)) {
                throw new AccessDeniedException("Only the client or their provider's admin can request erasure");
            }
        }
        Erasure erasure = Erasure.requested(UUID.randomUUID().toString(), caller.tenantId(), subject,
                caller.role().name(), clock.instant());
        return store.insert(erasure, caller.tenantId(), List.of(new ClientErasureRequested(erasure.id(), clientId,
                caller.role().name(), erasure.requestedAt())));
    }

    /** The proof, for the tenant's admins and for the client it was about. */
    public Erasure find(Caller caller, String erasureId) {
        Erasure erasure = mongo.findById(erasureId, Erasure.class);
        boolean mayRead = erasure != null && erasure.tenantId().equals(caller.tenantId())
                && (caller.role() == Role.ADMIN
                || caller.role() == Role.CLIENT
                && digest.storedForms(caller.tenantId(), caller.userId()).contains(erasure.subject()));
        if (!mayRead) {
            throw new NotFoundException("Erasure " + erasureId);
        }
        return erasure;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.GOALS_CLIENT_ERASED, EventType.HOMEWORK_CLIENT_ERASED,
                EventType.REMINDERS_CLIENT_ERASED, EventType.ANALYTICS_CLIENT_ERASED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            ClientErased erased = (ClientErased) event.data();
            for (int attempt = 1; ; attempt++) {
                Erasure erasure = mongo.findById(erased.erasureId(), Erasure.class);
                if (erasure == null) {
                    throw new EventRejected("no erasure " + erased.erasureId() + " was requested here");
                }
                // Checked against the request, not trusted (issue 16): an acknowledgement for another tenant's or
                // client's erasure must not complete this one.
                if (!erasure.tenantId().equals(event.tenant())
                        || !digest.storedForms(event.tenant(), erased.clientId()).contains(erasure.subject())) {
                    throw new EventRejected("acknowledgement of erasure " + erased.erasureId()
                            + " names another tenant or client than the request");
                }
                if (!erasure.acknowledge(erased)) {
                    break;
                }
                try {
                    store.update(erasure, event.tenant(), List.of());
                    break;
                } catch (OptimisticLockingFailureException raced) {
                    // Another service's acknowledgement landed first (other partition, other instance): read again.
                    if (attempt == 10) {
                        throw raced;
                    }
                }
            }
        }
    }
}
