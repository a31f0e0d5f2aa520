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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Raising, listing and acknowledging flags. Only the treating therapist sees or acknowledges them.
 *
 * <p>Raising is idempotent per sign: a sign already held by any flag of the client is done; otherwise it opens a flag
 * (id derived from the sign, event {@code risk-flag-raised}, so the therapist or on-call is notified) or, while a flag
 * of its kind is open, joins it as evidence without an event (no second page).
 */
@Service
public class RiskFlags {

    private static final Logger log = LoggerFactory.getLogger(RiskFlags.class);
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ClientAccess access;
    private final MeterRegistry meters;
    private final RaiseFaults faults;
    private final Clock clock;

    RiskFlags(MongoTemplate mongo, AggregateStore store, ClientAccess access, MeterRegistry meters, RaiseFaults faults,
              Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.access = access;
        this.meters = meters;
        this.faults = faults;
        this.clock = clock;
        // Exist before the first flag, so the dashboards' increase() counts it.
        for (FlagKind kind : FlagKind.values()) {
            counter("raised", kind);
            counter("merged", kind);
        }
        // The one-open-flag-per-kind rule is enforced by the store; do not leave it to auto-index creation.
        mongo.indexOps(RiskFlag.class).createIndex(new Index("openSlot", Sort.Direction.ASC).named("open_slot").unique().sparse());
    }

    private Counter counter(String outcome, FlagKind kind) {
        return meters.counter("steady.analytics.flags." + outcome, "kind", kind.name());
    }

    /** What became of a sign. */
    public enum Raised {
        /** A new flag, and its event. */
        RAISED,
        /** Evidence in the open flag of its kind, without an event. */
        MERGED,
        /** Already held by a flag (redelivery, replay, a retried follow-up). */
        ALREADY_DONE
    }

    /**
     * Turns a sign into a flag, once. {@code therapistId} is null when the client has no therapist: the flag and its
     * event then name nobody, and reminders-service routes it to the tenant's on-call at once.
     */
    public Raised raise(String tenantId, String clientId, String therapistId, FlagCandidate candidate) {
        faults.onRaiseAttempt();
        for (int attempt = 1; ; attempt++) {
            try {
                return raiseOnce(tenantId, clientId, therapistId, candidate);
            } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
                // Another raise of this client and kind got there first: look again.
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
                log.debug("Raise of {} raced ({}); looking again", candidate.kind(), raced.toString());
            }
        }
    }

    private Raised raiseOnce(String tenantId, String clientId, String therapistId, FlagCandidate candidate) {
        if (mongo.exists(Query.query(where("tenantId").is(tenantId).and("clientId").is(clientId)
                .orOperator(where("_id").is(RiskFlag.idOf(tenantId, clientId, candidate)), where("signs").is(candidate.signKey()))),
                RiskFlag.class)) {
            return Raised.ALREADY_DONE;
        }
        RiskFlag open = mongo.findOne(Query.query(where("openSlot").is(RiskFlag.slotOf(tenantId, clientId, candidate.kind()))),
                RiskFlag.class);
        if (open != null) {
            store.update(open, tenantId, open.absorb(candidate));
            counter("merged", candidate.kind()).increment();
            return Raised.MERGED;
        }
        RiskFlag flag = RiskFlag.raise(tenantId, clientId, therapistId, candidate);
        store.insert(flag, tenantId, flag.raised());
        counter("raised", candidate.kind()).increment();
        return Raised.RAISED;
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
