package app.steady.platform.outbox;

import app.steady.events.EventData;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Writes an aggregate together with the events its change causes, in one atomic document write: the change
 * and its events are stored, or neither is. This is the only way services write aggregates that publish
 * events; the relay takes it from there.
 *
 * <p>Aggregates carry a Spring Data {@code @Version}: an update names the version it was read at and fails with
 * {@link OptimisticLockingFailureException} if another write got there first. Pending events are appended with
 * {@code $push}, so a write never overwrites events the relay has not yet published (nor revives ones it has).
 */
public class AggregateStore {

    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);

    private final MongoTemplate mongo;
    private final EventRecorder recorder;
    private final OutboxSignal signal;
    private final PendingWork pendingWork;

    public AggregateStore(MongoTemplate mongo, EventRecorder recorder, OutboxSignal signal, PendingWork pendingWork) {
        this.mongo = mongo;
        this.recorder = recorder;
        this.signal = signal;
        this.pendingWork = pendingWork;
    }

    /** Stores a new aggregate (its id already assigned) with the events its creation causes. */
    public <T> T insert(T aggregate, String tenant, List<? extends EventData> events) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty version = entity.getRequiredVersionProperty();
        accessor.setProperty(version, versionValue(version, 0));

        Document document = new Document();
        mongo.getConverter().write(accessor.getBean(), document);
        List<Document> pending = pendingDocuments(tenant, events);
        if (!pending.isEmpty()) {
            document.put(OutboxFields.EVENTS, pending);
            document.put(OutboxFields.PENDING, true);
            document.put(OutboxFields.OLDEST_PENDING, oldestOf(pending));
        }
        writeAndAnnounce(entity.getCollection(), document.get("_id"), pending, collection -> {
            collection.insertOne(document);
            return true;
        });
        return accessor.getBean();
    }

    /**
     * Stores the changed aggregate if nobody changed it since it was read, appending the events the change causes.
     *
     * @throws OptimisticLockingFailureException when the stored version is no longer the one the aggregate was read at
     */
    public <T> T update(T aggregate, String tenant, List<? extends EventData> events) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty version = entity.getRequiredVersionProperty();
        Number readVersion = (Number) accessor.getProperty(version);
        if (readVersion == null) {
            throw new IllegalArgumentException("Update of an aggregate that was never stored: " + aggregate);
        }

        Document fields = new Document();
        mongo.getConverter().write(aggregate, fields);
        Object id = fields.remove("_id");
        fields.remove(version.getFieldName());

        Document unset = new Document();
        for (MongoPersistentProperty property : entity) {
            if (!property.isIdProperty() && !property.isVersionProperty() && !fields.containsKey(property.getFieldName())) {
                unset.put(property.getFieldName(), "");
            }
        }
        List<Document> pending = pendingDocuments(tenant, events);
        if (!pending.isEmpty()) {
            fields.put(OutboxFields.PENDING, true);
        }
        Document update = new Document("$set", fields).append("$inc", new Document(version.getFieldName(), 1));
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!pending.isEmpty()) {
            update.append("$push", new Document(OutboxFields.EVENTS, new Document("$each", pending)));
            // Kept when older events are still waiting; set when these are the first.
            update.append("$min", new Document(OutboxFields.OLDEST_PENDING, oldestOf(pending)));
        }
        Document filter = new Document("_id", id).append(version.getFieldName(), readVersion);

        if (!writeAndAnnounce(entity.getCollection(), id, pending,
                collection -> collection.updateOne(filter, update).getMatchedCount() == 1)) {
            throw new OptimisticLockingFailureException("%s %s was changed by someone else since version %s"
                    .formatted(entity.getType().getSimpleName(), id, readVersion));
        }
        accessor.setProperty(version, versionValue(version, readVersion.longValue() + 1));
        return accessor.getBean();
    }

    private List<Document> pendingDocuments(String tenant, List<? extends EventData> events) {
        List<Document> documents = new ArrayList<>(events.size());
        for (EventData data : events) {
            documents.add(toDocument(recorder.record(tenant, data)));
        }
        return documents;
    }

    static Document toDocument(PendingEvent event) {
        return new Document("id", event.id())
                .append("type", event.type())
                .append("topic", event.topic())
                .append("tenant", event.tenant())
                .append("subject", event.subject())
                .append("data", event.data())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("traceparent", event.traceparent());
    }

    /**
     * The aggregate write, then the document on the relay's work list and the relay woken. The write is stored whatever
     * happens to the entry: if the store fails then, the entry is deferred, not the write failed. If the write itself
     * fails, the store may have taken it all the same (it went away before answering): the entry is deferred in case,
     * and the relay finds either the events or nothing.
     *
     * @return whether the write stored the document (false: it matched nothing, and nothing is announced)
     */
    private boolean writeAndAnnounce(String collection, Object id, List<Document> pending,
                                     CollectionCallback<Boolean> write) {
        boolean stored;
        try {
            stored = mongo.execute(collection, write);
        } catch (RuntimeException perhapsStored) {
            deferEntry(collection, id, pending);
            throw perhapsStored;
        }
        if (!stored || pending.isEmpty()) {
            return stored;
        }
        try {
            pendingWork.mark(collection, id, oldestOf(pending), pending.size());
            signal.eventsWritten();
        } catch (RuntimeException storeFailed) {
            log.warn("The store failed after taking a write of {} {}: its work-list entry is deferred ({})", collection,
                    id, storeFailed.toString());
            deferEntry(collection, id, pending);
        }
        return true;
    }

    private void deferEntry(String collection, Object id, List<Document> pending) {
        if (!pending.isEmpty()) {
            pendingWork.markLater(collection, id, oldestOf(pending), pending.size());
            signal.eventsWritten();
        }
    }

    private static Date oldestOf(List<Document> pending) {
        return pending.get(0).getDate("occurredAt");
    }

    private MongoPersistentEntity<?> entityOf(Object aggregate) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        if (!entity.isAnnotationPresent(PublishesEvents.class)) {
            throw new IllegalArgumentException(entity.getType().getName()
                    + " must be annotated @PublishesEvents so the relay finds its pending events");
        }
        return entity;
    }

    private static Object versionValue(MongoPersistentProperty version, long value) {
        Class<?> type = version.getType();
        if (type == Integer.class || type == int.class) {
            return (int) value;
        }
        return value;
    }
}
