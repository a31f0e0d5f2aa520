package app.steady.analytics.flags;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Raising (once per episode), listing and acknowledging flags. Only the treating therapist sees or acknowledges them. */
@Service
public class RiskFlags {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ClientAccess access;
    private final MeterRegistry meters;
    private final Clock clock;

    RiskFlags(MongoTemplate mongo, AggregateStore store, ClientAccess access, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.access = access;
        this.meters = meters;
        this.clock = clock;
        // Exist before the first flag, so the dashboards' increase() counts it.
        for (FlagKind kind : FlagKind.values()) {
            raisedCounter(kind);
        }
    }

    private Counter raisedCounter(FlagKind kind) {
        return meters.counter("steady.analytics.flags.raised", "kind", kind.name());
    }

    /** Raises the flag unless its episode already raised one (redelivery, replay). */
    public void raise(String tenantId, String clientId, String therapistId, FlagCandidate candidate) {
        RiskFlag flag = RiskFlag.raise(tenantId, clientId, therapistId == null ? "unassigned" : therapistId, candidate);
        try {
            store.insert(flag, tenantId, flag.raised());
            raisedCounter(candidate.kind()).increment();
        } catch (DuplicateKeyException alreadyRaised) {
            // this episode's flag exists
        }
    }

    public List<RiskFlag> of(Caller caller, String clientId) {
        requireTherapist(caller, clientId);
        return openAndRecent(caller.tenantId(), clientId);
    }

    public List<RiskFlag> openAndRecent(String tenantId, String clientId) {
        return mongo.find(Query.query(where("tenantId").is(tenantId).and("clientId").is(clientId))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(100), RiskFlag.class);
    }

    /** The same for a whole caseload in one query (the dashboard's first view), by client id. */
    public Map<String, List<RiskFlag>> openAndRecentOf(String tenantId, Collection<String> clientIds) {
        Map<String, List<RiskFlag>> byClient = new HashMap<>();
        for (RiskFlag flag : mongo.find(Query.query(where("tenantId").is(tenantId).and("clientId").in(clientIds))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")), RiskFlag.class)) {
            List<RiskFlag> ofClient = byClient.computeIfAbsent(flag.clientId(), id -> new ArrayList<>());
            if (ofClient.size() < 100) {
                ofClient.add(flag);
            }
        }
        return byClient;
    }

    public RiskFlag acknowledge(Caller caller, String clientId, String publicId) {
        requireTherapist(caller, clientId);
        RiskFlag flag = openAndRecent(caller.tenantId(), clientId).stream().filter(f -> f.publicId().equals(publicId))
                .findFirst().orElseThrow(() -> new NotFoundException("Flag " + publicId));
        return store.update(flag, caller.tenantId(), flag.acknowledge(caller.userId(), clock.instant()));
    }

    private void requireTherapist(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        if (caller.role() != Role.THERAPIST) {
            throw new AccessDeniedException("Risk flags are for the treating therapist");
        }
    }
}
