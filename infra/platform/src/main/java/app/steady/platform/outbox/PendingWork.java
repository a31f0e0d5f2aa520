package app.steady.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay's work list: one small entry per aggregate document that holds pending events, keyed by that document.
 * The relay reads the oldest entries and then each document by its {@code _id}, so finding work never scans an
 * aggregate collection for its pending flag. That matters on every store: real MongoDB would use the flag's sparse
 * index, but the embedded MongoDB-wire server uses no index for it and would read every document of every aggregate
 * collection each round (issue 17).
 *
 * <p>The aggregate write stays the only atomic one: the entry is written right after it, and its {@code stamp}
 * changes with every write, so the relay removes an entry only if no write came after it read it. A service that
 * dies between the two writes leaves a document pending without an entry; {@link #recover} finds those (with the
 * flag's query, rarely: at start and every {@code steady.outbox.recovery-interval}).
 *
 * <p>A store that fails between the two writes, or takes the aggregate write without answering, leaves the same gap
 * while the service lives on. Those entries are {@link #markLater deferred}: kept in this instance's memory and
 * written by its relay loop as soon as the store answers again, so the events do not wait for the next recovery.
 */
public class PendingWork {

    public static final String COLLECTION = "outbox_pending_work";

    private final MongoTemplate mongo;
    private final Map<String, Deferred> deferred = new ConcurrentHashMap<>();

    public PendingWork(MongoTemplate mongo) {
        this.mongo = mongo;
        // Oldest first without a sort in memory (real MongoDB; the embedded server sorts the few entries there are).
        mongo.getCollection(COLLECTION).createIndex(new Document("oldest", 1), new IndexOptions().name("oldest_first"));
    }

    /** One document with pending events, as the relay read it from the list. */
    public record Entry(String key, String collection, Object documentId, Date oldest, String stamp) {
    }

    /**
     * Records that this document has {@code events} more pending events, the oldest of them at {@code oldest} or
     * later.
     */
    public void mark(String collection, Object documentId, Date oldest, int events) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", key(collection, documentId)),
                new Document("$min", new Document("oldest", oldest))
                        .append("$inc", new Document("events", events))
                        .append("$set", new Document("stamp", UUID.randomUUID().toString()))
                        .append("$setOnInsert", new Document("collection", collection).append("document", documentId)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Keeps an entry the store did not take (it failed during the aggregate write or right after it), for
     * {@link #markDeferred} to write once the store answers again. Entries for one document merge: the oldest time
     * and the sum of the events. An entry for a write that was in fact not stored costs the relay one read.
     */
    public void markLater(String collection, Object documentId, Date oldest, int events) {
        deferred.merge(key(collection, documentId), new Deferred(collection, documentId, oldest, events), Deferred::merge);
    }

    /**
     * Writes the deferred entries, stopping at the first the store refuses (it is still away; they wait for the next
     * call).
     */
    public void markDeferred() {
        for (Map.Entry<String, Deferred> waiting : deferred.entrySet()) {
            Deferred entry = waiting.getValue();
            try {
                mark(entry.collection(), entry.documentId(), entry.oldest(), entry.events());
            } catch (RuntimeException storeStillAway) {
                return;
            }
            deferred.remove(waiting.getKey(), entry);   // unless another deferral for it came meanwhile
        }
    }

    /** Entries this instance has not yet been able to write. */
    public int deferredCount() {
        return deferred.size();
    }

    private record Deferred(String collection, Object documentId, Date oldest, int events) {
        Deferred merge(Deferred later) {
            return new Deferred(collection, documentId, oldest.before(later.oldest) ? oldest : later.oldest,
                    events + later.events);
        }
    }

    /** Up to {@code limit} entries, those waiting longest first. */
    public List<Entry> oldest(int limit) {
        List<Entry> entries = new ArrayList<>();
        mongo.getCollection(COLLECTION).find().sort(new Document("oldest", 1)).limit(limit).forEach(entry ->
                entries.add(new Entry(entry.getString("_id"), entry.getString("collection"), entry.get("document"),
                        entry.getDate("oldest"), entry.getString("stamp"))));
        return entries;
    }

    /** Removes the entries whose documents had nothing left to send, unless a write came after they were read. */
    public void done(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> deletes = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            deletes.add(new DeleteOneModel<>(new Document("_id", entry.key()).append("stamp", entry.stamp())));
        }
        mongo.getCollection(COLLECTION).bulkWrite(deletes, new BulkWriteOptions().ordered(false));
    }

    /** The document keeps events after a round that sent {@code sent} of them: its entry waits from the oldest left. */
    public void stillPending(Entry entry, Date oldestLeft, int sent) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", entry.key()),
                new Document("$set", new Document("oldest", oldestLeft)).append("$inc", new Document("events", -sent)));
    }

    /** What waits, from at most {@code sample} entries: pending events (as counted by the writes) and the oldest time. */
    public Backlog backlog(int sample) {
        long events = 0;
        Date oldest = null;
        for (Document entry : mongo.getCollection(COLLECTION).find().projection(new Document("oldest", 1).append("events", 1))
                .limit(sample)) {
            Number count = entry.get("events", Number.class);
            events += count == null ? 0 : Math.max(0, count.longValue());
            Date time = entry.getDate("oldest");
            if (time != null && (oldest == null || time.before(oldest))) {
                oldest = time;
            }
        }
        return new Backlog(events, oldest);
    }

    /** Pending events and the time of the oldest (null when nothing waits). */
    public record Backlog(long events, Date oldest) {
    }

    /**
     * Gives every document that has pending events but no entry (its service died between the two writes) an entry.
     * Reads each collection for the pending flag: a scan on the embedded server, so only at start and rarely after.
     *
     * @return how many documents were missing from the list
     */
    public int recover(Collection<String> collections) {
        int missing = 0;
        for (String collection : collections) {
            for (Document pending : mongo.getCollection(collection).find(new Document(OutboxFields.PENDING, true))
                    .projection(new Document(OutboxFields.OLDEST_PENDING, 1).append(OutboxFields.EVENTS, 1))) {
                String key = key(collection, pending.get("_id"));
                if (mongo.getCollection(COLLECTION).find(new Document("_id", key)).first() == null) {
                    Date oldest = pending.getDate(OutboxFields.OLDEST_PENDING);
                    mark(collection, pending.get("_id"), oldest == null ? new Date(0) : oldest,
                            pending.getList(OutboxFields.EVENTS, Document.class, List.of()).size());
                    missing++;
                }
            }
        }
        return missing;
    }

    private static String key(String collection, Object documentId) {
        return collection + "/" + documentId;
    }
}
