package app.steady.reminders.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.store.KeyedReads;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each client was last sent their own reminders ({@code client_sends}, one document per client, the latest
 * {@value #KEPT}), for the daily maximum. Read by id for a claimed batch: counting sent reminders in the reminders
 * collection would be a range query over every reminder ever sent, a scan on the embedded store (issue 17).
 * The reminders stay the record; this is a copy of their send times, written just after each send.
 */
@Component
class ClientSends implements ClientDataOwner {

    private static final Logger log = LoggerFactory.getLogger(ClientSends.class);

    static final String COLLECTION = "client_sends";
    /** More than the highest daily maximum (50) times the local days a 50-hour look-back can touch. */
    static final int KEPT = 160;
    /** The daily maximum counts the client's local day; 50 hours cover it in every time zone. */
    static final Duration LOOK_BACK = Duration.ofHours(50);

    private final MongoTemplate mongo;
    private final KeyedReads keyedReads;
    private final Clock clock;

    ClientSends(MongoTemplate mongo, KeyedReads keyedReads, Clock clock) {
        this.mongo = mongo;
        this.keyedReads = keyedReads;
        this.clock = clock;
    }

    /** Records that the client's own reminder went out {@code at}. */
    void record(String tenantId, String clientId, Instant at) {
        mongo.upsert(Query.query(where("_id").is(key(tenantId, clientId))),
                new Update().push("sentAt").slice(-KEPT).each(Date.from(at)), COLLECTION);
    }

    /** The recent send times of the clients of {@code reminders}, by {@link #key}. */
    Map<String, List<Instant>> of(Collection<Reminder> reminders) {
        List<String> keys = reminders.stream().map(r -> key(r.tenantId(), r.clientId())).distinct().toList();
        Map<String, List<Instant>> sent = new HashMap<>();
        for (Document client : keyedReads.whereIn(mongo, "_id", keys, Document.class, COLLECTION)) {
            @SuppressWarnings("unchecked")
            List<Date> times = (List<Date>) client.get("sentAt");
            sent.put(client.getString("_id"), times == null ? List.of() : times.stream().map(Date::toInstant).toList());
        }
        return sent;
    }

    static String key(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    /**
     * A store from before this log existed: copies the last 50 hours' sends from the reminders once, so that the daily
     * maximum holds across the upgrade.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildIfMissing() {
        if (mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
            return;
        }
        List<Reminder> recent = mongo.find(Query.query(where("status").is(ReminderStatus.SENT)
                .and("sentAt").gte(clock.instant().minus(LOOK_BACK))), Reminder.class);
        recent.stream().filter(r -> r.recipientId().equals(r.clientId()))
                .forEach(r -> record(r.tenantId(), r.clientId(), r.sentAt()));
        if (!recent.isEmpty()) {
            log.info("Copied {} recent sends into {} for the daily maximum", recent.size(), COLLECTION);
        }
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.documents(COLLECTION,
                mongo.remove(Query.query(where("_id").is(key(tenantId, clientId))), COLLECTION).getDeletedCount()));
    }

    /** Send times only; the reminders themselves are in the export. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }
}
