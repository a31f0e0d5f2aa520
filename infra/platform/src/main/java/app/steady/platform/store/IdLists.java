package app.steady.platform.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One small document per owner (a therapist) listing the ids it groups (their clients), for reads that would
 * otherwise query a growing collection by a non-unique field: the embedded MongoDB-wire server answers such a query
 * by reading every document (issue 17), while a list and reads by id cost the same at any size, on either store.
 *
 * <p>A list is an index, never the truth: callers add an id <em>before</em> the write that makes it true and remove
 * it only <em>after</em> the write that ends it, so a crash in between leaves an extra id, never a missing one, and
 * readers keep only the documents that still say so. Each id carries a count, not a flag: every add is +1 and every
 * remove -1, so adds and removes of concurrent writes (or of one batch: unassigned, then assigned again) commute,
 * and an id is listed while its count is above zero. (A remove without its add, of an id assigned by a version that
 * kept no lists, takes a count below zero; docs/operations.md says how to rebuild the lists after such an upgrade.)
 */
public final class IdLists {

    private static final String COUNTS = "counts";

    private final MongoTemplate mongo;
    private final String collection;

    public IdLists(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** An owner that has a list, with its tenant. */
    public record Owner(String tenantId, String ownerId) {
    }

    /** One id on one owner's list. */
    public record Entry(String tenantId, String ownerId, String id) {
    }

    public String collection() {
        return collection;
    }

    /** Adds the id to the owner's list. */
    public void add(String tenantId, String ownerId, String id) {
        addAll(List.of(new Entry(tenantId, ownerId, id)));
    }

    /** Adds each id to its owner's list, in one round trip. */
    public void addAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> adds = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            adds.add(new UpdateOneModel<>(new Document("_id", key(entry.tenantId(), entry.ownerId())),
                    new Document("$inc", new Document(countOf(entry.id()), 1))
                            .append("$setOnInsert", new Document("tenantId", entry.tenantId())),
                    new UpdateOptions().upsert(true)));
        }
        lists().bulkWrite(adds, new BulkWriteOptions().ordered(false));
    }

    /** Takes the id off the owner's list once. */
    public void remove(String tenantId, String ownerId, String id) {
        removeAll(List.of(new Entry(tenantId, ownerId, id)));
    }

    /** Takes each id off its owner's list once, in one round trip. */
    public void removeAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> removals = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            removals.add(new UpdateOneModel<>(new Document("_id", key(entry.tenantId(), entry.ownerId())),
                    new Document("$inc", new Document(countOf(entry.id()), -1))));
        }
        lists().bulkWrite(removals, new BulkWriteOptions().ordered(false));
    }

    /** The owner's list, empty if it has none. */
    public List<String> of(String tenantId, String ownerId) {
        return listed(lists().find(new Document("_id", key(tenantId, ownerId))).first());
    }

    /** Every owner whose list is not empty: one document each. */
    public List<Owner> owners() {
        List<Owner> owners = new ArrayList<>();
        for (Document list : lists().find()) {
            String tenantId = list.getString("tenantId");
            if (!listed(list).isEmpty()) {
                owners.add(new Owner(tenantId, list.getString("_id").substring(tenantId.length() + 1)));
            }
        }
        return owners;
    }

    /**
     * Takes the id off every list of the tenant (erasure): reads the tenant's lists, one document per owner, and
     * so the whole collection on the embedded store; a rare operation on a small collection.
     */
    public long removeEverywhere(String tenantId, String id) {
        return lists().updateMany(new Document("tenantId", tenantId), new Document("$unset", new Document(countOf(id), "")))
                .getModifiedCount();
    }

    public boolean isEmpty() {
        return lists().find().limit(1).first() == null;
    }

    private static List<String> listed(Document list) {
        List<String> ids = new ArrayList<>();
        if (list != null && list.get(COUNTS) instanceof Document counts) {
            for (Map.Entry<String, Object> count : counts.entrySet()) {
                if (((Number) count.getValue()).longValue() > 0) {
                    ids.add(idOf(count.getKey()));
                }
            }
        }
        return ids;
    }

    private MongoCollection<Document> lists() {
        return mongo.getCollection(collection);
    }

    private static String key(String tenantId, String ownerId) {
        return tenantId + ":" + ownerId;
    }

    /** Ids may hold '.', which a field name may not; '~' is never in an id (Ids.PATTERN), so the mapping reverses. */
    private static String countOf(String id) {
        return COUNTS + "." + id.replace('.', '~');
    }

    private static String idOf(String field) {
        return field.replace('~', '.');
    }
}
