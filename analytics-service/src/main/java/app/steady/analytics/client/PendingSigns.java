package app.steady.analytics.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.flags.FlagCandidate;
import app.steady.analytics.flags.RiskFlags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns the signs a client record holds as pending into flags, then removes them from the record. Raising is idempotent
 * per sign ({@link RiskFlags#raise}), so a sign finished twice (the follow-up and the sweeper racing, a crash after the
 * raise but before the removal) still ends as exactly one flag. The sweeper runs at start-up and every
 * {@code steady.analytics.pending-signs.sweep-every}, for what a crash or a store error left behind.
 */
@Component
class PendingSigns {

    private static final Logger log = LoggerFactory.getLogger(PendingSigns.class);
    static final int PAGE = 500;

    private final MongoTemplate mongo;
    private final RiskFlags flags;
    private final Counter swept;

    PendingSigns(MongoTemplate mongo, RiskFlags flags, MeterRegistry meters) {
        this.mongo = mongo;
        this.flags = flags;
        this.swept = meters.counter("steady.analytics.flags.pending.swept");
    }

    /** Raises the record's pending signs; a failure leaves the rest pending for the sweeper. Returns how many were finished. */
    int finish(ClientRecord record) {
        int finished = 0;
        try {
            for (FlagCandidate sign : record.pendingFlags()) {
                flags.raise(record.tenantId(), record.clientId(), record.therapistId(), sign);
                mongo.updateFirst(Query.query(where("_id").is(record.id())), new Update().pull("pendingFlags",
                        new Document("kind", sign.kind().name()).append("sourceKey", sign.sourceKey())), ClientRecord.class);
                finished++;
            }
        } catch (RuntimeException failure) {
            log.warn("Raising a pending sign failed ({}); the sweeper will finish it", failure.toString());
        }
        return finished;
    }

    /** Finishes every record's pending signs, paging through them in id order. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${steady.analytics.pending-signs.sweep-every:5s}")
    public void sweep() {
        String after = "";
        List<ClientRecord> page;
        do {
            page = mongo.find(Query.query(where("pendingFlags.sourceKey").exists(true).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(PAGE), ClientRecord.class);
            for (ClientRecord record : page) {
                swept.increment(finish(record));
                after = record.id();
            }
        } while (page.size() == PAGE);
    }
}
