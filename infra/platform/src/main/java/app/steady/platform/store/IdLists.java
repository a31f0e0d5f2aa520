package app.steady.platform.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One small document per owner (a therapist) listing the ids it groups (their clients), for reads that would
 * otherwise query a growing collection by a non-unique field: the embedded MongoDB-wire server answers such a query
 * by reading every document (issue 17), while a list and reads by id cost the same at any size, on either store.
 *
 * <p>A list is an index, never the truth: callers add an id <em>before</em> the write that makes it true and remove
 * it only <em>after</em> the write that ends it, so a crash in between leaves an extra id, never a missing one, and
 * readers keep only the documents that still say so.
 */
public final class IdLists {

    private final MongoTemplate mongo;
    private final String collection;

    public IdLists(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** An owner that has a list, with its tenant. */
    public record Owner(String tenantId, String ownerId) {
    }

    public String collection() {
        return collection;
    }

    /** Adds the id to the owner's list (idempotent). */
    public void add(String tenantId, String ownerId, String id) {
        lists().updateOne(new Document("_id", key(tenantId, ownerId)),
                new Document("$addToSet", new Document("ids", id)).append("$setOnInsert", new Document("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /** Takes the id off the owner's list (idempotent). */
    public void remove(String tenantId, String ownerId, String id) {
        lists().updateOne(new Document("_id", key(tenantId, ownerId)), new Document("$pull", new Document("ids", id)));
    }

    /** The owner's list, empty if it has none. */
    public List<String> of(String tenantId, String ownerId) {
        Document list = lists().find(new Document("_id", key(tenantId, ownerId))).first();
        return list == null ? List.of() : new ArrayList<>(list.getList("ids", String.class, List.of()));
    }

    /** Every owner whose list is not empty: one document each. */
    public List<Owner> owners() {
        List<Owner> owners = new ArrayList<>();
        for (Document list : lists().find()) {
            String tenantId = list.getString("tenantId");
            if (!list.getList("ids", String.class, List.of()).isEmpty()) {
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
        return lists().updateMany(new Document("tenantId", tenantId).append("ids", id),
                new Document("$pull", new Document("ids", id))).getModifiedCount();
    }

    public boolean isEmpty() {
        return lists().find().limit(1).first() == null;
    }

    /** Drops every list (tests, and an operator rebuilding them). */
    public void drop() {
        lists().drop();
    }

    private MongoCollection<Document> lists() {
        return mongo.getCollection(collection);
    }

    private static String key(String tenantId, String ownerId) {
        return tenantId + ":" + ownerId;
    }
}
