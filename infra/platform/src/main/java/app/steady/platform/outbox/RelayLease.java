package app.steady.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One relay per service publishes at a time, so a client's events leave in the order they were written even
 * with many instances. The holder renews a time-limited lease; if it dies, another instance takes over when the
 * lease runs out.
 */
class RelayLease {

    static final String COLLECTION = "outbox_relay_lease";
    private static final String LEASE_ID = "outbox-relay";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration duration;
    private final Clock clock;

    RelayLease(MongoTemplate mongo, String owner, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the lease; true while this instance holds it. */
    boolean acquire() {
        Instant now = clock.instant();
        Query free = Query.query(where("_id").is(LEASE_ID)
                .orOperator(where("owner").is(owner), where("expiresAt").lt(now)));
        Update take = new Update().set("owner", owner).set("expiresAt", now.plus(duration));
        try {
            mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    LeaseDocument.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    void release() {
        mongo.remove(Query.query(Criteria.where("_id").is(LEASE_ID).and("owner").is(owner)), COLLECTION);
    }

    record LeaseDocument(String id, String owner, Instant expiresAt) {
    }
}
