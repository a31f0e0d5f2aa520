package app.steady.goals.caseload;

import app.steady.events.goals.CaseloadHeartbeat;
import app.steady.platform.caseload.CaseloadLanes;
import app.steady.platform.outbox.AggregateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the caseload's heartbeat on every lane (one per partition of this service's topic) through the outbox, so
 * that it follows every caseload change written before it. The other services measure how current their copy of the
 * caseload is by these ({@code CaseloadFreshness}); while Kafka or this relay is down they stop arriving, and
 * therapist reads there stop after {@code steady.caseload.max-staleness}. Several instances may all send: a lane's
 * heartbeat changed meanwhile by another instance is simply skipped.
 */
@Component
class CaseloadHeartbeats {

    /** Heartbeats are not any tenant's; the envelope needs one. */
    static final String PLATFORM_TENANT = "steady-platform";
    private static final Logger log = LoggerFactory.getLogger(CaseloadHeartbeats.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final List<String> lanes;
    private final Clock clock;

    CaseloadHeartbeats(MongoTemplate mongo, AggregateStore store,
                       @Value("${steady.events.partitions}") int partitions, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.lanes = CaseloadLanes.of(partitions);
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${steady.goals.caseload.heartbeat-every}")
    void beat() {
        Instant now = clock.instant();
        try {
            for (String lane : lanes) {
                CaseloadHeartbeat heartbeat = new CaseloadHeartbeat(lane, lanes.size(), now);
                CaseloadHeartbeatLane stored = mongo.findById(lane, CaseloadHeartbeatLane.class);
                if (stored == null) {
                    store.insert(new CaseloadHeartbeatLane(lane, now), PLATFORM_TENANT, List.of(heartbeat));
                } else {
                    stored.sentAt(now);
                    store.update(stored, PLATFORM_TENANT, List.of(heartbeat));
                }
            }
        } catch (DataAccessException e) {
            // Another instance beat first (a duplicate or a newer version), or the store is down: the next round sends.
            log.debug("Caseload heartbeat skipped this round: {}", e.toString());
        }
    }
}
