package app.steady.analytics.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.bulk.BulkWriteResult;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Derives the {@link Tally tallies} of client records that lack them or have them from older rules: records written
 * before tallies existed, records an older version of the service wrote during a rolling update (it replaces whole
 * documents and drops what it does not know), and every record after {@link Tally#RULES} is raised. Runs at start-up and
 * every {@code steady.analytics.tallies.sweep-every}, finding such records by the {@code tally_rules} index, at most
 * {@value #PAGES_PER_RUN} pages of {@value #PAGE} per run so the scheduler's other work (pending signs, disengagement,
 * digests) is never held up for long; a later run does the rest.
 *
 * <p>Each record's tallies are written only if it is still the version read: a record the projector wrote meanwhile got
 * its tallies from that write. The version is not raised, so the sweep never makes the projector's batches retry.
 */
@Component
public class TallySweep {

    private static final Logger log = LoggerFactory.getLogger(TallySweep.class);
    static final int PAGE = 500;
    static final int PAGES_PER_RUN = 20;

    private final MongoTemplate mongo;

    TallySweep(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Brings up to {@value #PAGES_PER_RUN} pages of records up to date; returns how many were. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${steady.analytics.tallies.sweep-every:1m}")
    public int sweep() {
        Query stale = Query.query(new Criteria().orOperator(where("tallyRules").is(null), where("tallyRules").lt(Tally.RULES)))
                .limit(PAGE);
        int derived = 0;
        for (int page = 0; page < PAGES_PER_RUN; page++) {
            List<ClientRecord> records = mongo.find(stale, ClientRecord.class);
            if (records.isEmpty()) {
                break;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ClientRecord.class);
            for (ClientRecord record : records) {
                record.tally();
                Document stored = new Document(); // exactly as the projector's writes store them
                mongo.getConverter().write(record, stored);
                bulk.updateOne(Query.query(where("_id").is(record.id()).and("version").is(record.version())),
                        new Update().set("tallies", stored.get("tallies")).set("tallyRules", stored.get("tallyRules")));
            }
            BulkWriteResult written = bulk.execute();
            derived += written.getModifiedCount();
            if (records.size() < PAGE || written.getMatchedCount() == 0) {
                break; // done, or every record of the page was written meanwhile: the next run looks again
            }
        }
        if (derived > 0) {
            log.info("Derived the outcome tallies of {} client records written without them (before the upgrade, by an "
                    + "older version, or with older rules); the next run looks for more", derived);
        }
        return derived;
    }
}
