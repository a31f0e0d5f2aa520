package app.steady.platform.consuming;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.store.KeyedReads;
import com.mongodb.bulk.BulkWriteResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Applies a batch of events to projections with one read and one write per document, however many of the batch's
 * events touch it (coalescing is what makes replays fast). Events a document's ledger has already seen are skipped;
 * each document is written with its version checked, and a concurrent write fails the batch so it is redelivered
 * and re-applied against the fresh document.
 */
public class ProjectionUpdater {

    private final MongoTemplate mongo;
    private final KeyedReads keyedReads;

    public ProjectionUpdater(MongoTemplate mongo, KeyedReads keyedReads) {
        this.mongo = mongo;
        this.keyedReads = keyedReads;
    }

    /**
     * @param idOf   the projection document an event belongs to
     * @param create a new, empty document for an id, given the first event that touches it
     * @param apply  the effect of one event on its document (never called twice for the same event)
     */
    public <D extends Projection> void apply(List<ReceivedEvent<?>> events, Class<D> type,
                                             Function<ReceivedEvent<?>, String> idOf, BiFunction<String, ReceivedEvent<?>, D> create,
                                             BiConsumer<D, ReceivedEvent<?>> apply) {
        apply(events, type, idOf, create, apply, () -> { });
    }

    /**
     * The same, running {@code beforeSave} after every event is applied and before the documents are written: for
     * what must be written before them, once per batch (an index that must never miss a document).
     */
    public <D extends Projection> void apply(List<ReceivedEvent<?>> events, Class<D> type,
                                             Function<ReceivedEvent<?>, String> idOf, BiFunction<String, ReceivedEvent<?>, D> create,
                                             BiConsumer<D, ReceivedEvent<?>> apply, Runnable beforeSave) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(idOf.apply(event)));
        Map<String, D> documents = new LinkedHashMap<>();
        keyedReads.whereIn(mongo, "_id", ids, type, mongo.getCollectionName(type))
                .forEach(document -> documents.put(document.id(), document));

        Map<String, D> changed = new LinkedHashMap<>();
        for (ReceivedEvent<?> event : events) {
            String id = idOf.apply(event);
            D document = documents.computeIfAbsent(id, newId -> create.apply(newId, event));
            if (document.ledger().firstDelivery(event)) {
                apply.accept(document, event);
                changed.put(id, document);
            }
        }
        beforeSave.run();
        saveAll(changed.values(), type);
    }

    /**
     * One unordered bulk write for the batch: new documents inserted, changed ones replaced if their version is still
     * the one read. A document changed or created by someone else meanwhile fails the batch (redelivered, re-applied).
     */
    private <D extends Projection> void saveAll(Collection<D> documents, Class<D> type) {
        if (documents.isEmpty()) {
            return;
        }
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        MongoPersistentProperty version = entity.getRequiredVersionProperty();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        int replacements = 0;
        for (D document : documents) {
            Number readVersion = (Number) entity.getPropertyAccessor(document).getProperty(version);
            Document stored = new Document();
            mongo.getConverter().write(document, stored);
            if (readVersion == null) {
                stored.put(version.getFieldName(), 0L);
                bulk.insert(stored);
            } else {
                stored.put(version.getFieldName(), readVersion.longValue() + 1);
                bulk.replaceOne(Query.query(where("_id").is(stored.get("_id")).and(version.getFieldName()).is(readVersion)),
                        stored);
                replacements++;
            }
        }
        try {
            BulkWriteResult result = bulk.execute();
            if (result.getMatchedCount() < replacements) {
                throw new OptimisticLockingFailureException((replacements - result.getMatchedCount()) + " of "
                        + replacements + " " + type.getSimpleName() + " documents changed meanwhile");
            }
        } catch (BulkOperationException createdMeanwhile) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " documents were written meanwhile",
                    createdMeanwhile);
        }
    }
}
