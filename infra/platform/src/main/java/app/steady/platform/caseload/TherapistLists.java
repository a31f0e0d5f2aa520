package app.steady.platform.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.store.IdLists;
import app.steady.platform.store.KeyedReads;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Each therapist's client ids, one list per therapist ({@link IdLists}), over documents of type {@code T} (one per
 * client) that name the client's therapist: a therapist's clients are read through the list and the documents by id,
 * never by querying every document for the therapist (issue 17: the embedded store reads the whole collection for
 * that; on MongoDB an index would serve it, and the keyed read is as fast).
 *
 * <p>The documents stay the truth. A service lists a client <em>before</em> writing the document that names the
 * therapist and unlists them from the former therapist <em>after</em> it, so a crash in between leaves an extra name,
 * never a missing one, and {@link #of} keeps only documents that still name the therapist. Listings are counted
 * ({@link IdLists}), so concurrent reassignments of one client cannot unlist the therapist who has them now.
 */
public abstract class TherapistLists<T> implements ClientDataOwner {

    private static final Logger log = LoggerFactory.getLogger(TherapistLists.class);

    private final MongoTemplate mongo;
    private final KeyedReads keyedReads;
    private final IdLists lists;
    private final Class<T> type;

    protected TherapistLists(MongoTemplate mongo, KeyedReads keyedReads, String collection, Class<T> type) {
        this.mongo = mongo;
        this.keyedReads = keyedReads;
        this.lists = new IdLists(mongo, collection);
        this.type = type;
    }

    /** The id of the client's document. */
    protected abstract String documentIdOf(String tenantId, String clientId);

    protected abstract String tenantOf(T document);

    protected abstract String clientOf(T document);

    /** The therapist the document names now, or null. */
    protected abstract String therapistOf(T document);

    /** The therapist's clients' documents, in the order of the list. */
    public List<T> of(String tenantId, String therapistId) {
        List<String> ids = lists.of(tenantId, therapistId).stream().map(client -> documentIdOf(tenantId, client)).toList();
        return keyedReads.whereIn(mongo, "_id", ids, type, mongo.getCollectionName(type)).stream()
                .filter(document -> therapistId.equals(therapistOf(document))).toList();
    }

    /** Every therapist with clients listed. */
    public List<IdLists.Owner> therapists() {
        return lists.owners();
    }

    /** Before the document naming this therapist is written. */
    public void list(String tenantId, String therapistId, String clientId) {
        lists.add(tenantId, therapistId, clientId);
    }

    /** After the document naming another therapist (or none) is written. */
    public void unlist(String tenantId, String therapistId, String clientId) {
        lists.remove(tenantId, therapistId, clientId);
    }

    /** {@link #list} for a whole batch, in one round trip. */
    public void listAll(Collection<IdLists.Entry> listings) {
        lists.addAll(listings);
    }

    /** {@link #unlist} for a whole batch, in one round trip. */
    public void unlistAll(Collection<IdLists.Entry> listings) {
        lists.removeAll(listings);
    }

    /** The raw list, extra names included. */
    public List<String> listed(String tenantId, String therapistId) {
        return lists.of(tenantId, therapistId);
    }

    /**
     * Lists every document naming a therapist, for documents written before the lists existed. Reads them all once
     * (a scan on the embedded store), so only when there is no list at all.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int buildIfMissing() {
        if (!lists.isEmpty()) {
            return 0;
        }
        int listed = 0;
        for (T document : mongo.find(Query.query(where("therapistId").ne(null)), type)) {
            list(tenantOf(document), therapistOf(document), clientOf(document));
            listed++;
        }
        if (listed > 0) {
            log.info("Listed {} client(s) under their therapists ({} was empty)", listed, lists.collection());
        }
        return listed;
    }

    /** An erased client's id leaves every list of the tenant. */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.documents(lists.collection(), lists.removeEverywhere(tenantId, clientId)));
    }

    /** Who treats the client is in the export of the documents themselves. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }
}
