package app.steady.platform.privacy;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientRecordAccessed;
import app.steady.platform.events.EventJson;
import app.steady.platform.outbox.OutboxCollections;
import app.steady.platform.outbox.OutboxFields;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Erasure of a client's events still waiting in this service's outbox (the {@value OutboxFields#EVENTS} arrays of
 * every {@link OutboxCollections outbox collection}), so that no pending event names an erased client:
 * <ul>
 *   <li>client-record-accessed events (audit facts, kept like the audit entries they copy) are re-pointed: their
 *       subject and {@code clientId} become the client's keyed {@link SubjectDigest digest};</li>
 *   <li>every other pending event of the client is removed. Published after the erasure, it would be dropped by every
 *       consumer anyway (their {@code SubjectScreen} finds the client's tombstone), so removing it changes no
 *       projection; it only keeps the client's id and facts out of Kafka's history;</li>
 *   <li>events about the erasure itself (client-erasure-requested, the services' client-erased acknowledgements) stay:
 *       they are how the erasure reaches the other services and its proof.</li>
 * </ul>
 * Each change is one atomic single-document update that names the event by id ({@code $pull}, or {@code $set} through
 * the positional operator), so it neither loses events the application appends meanwhile nor revives ones the relay
 * has taken out. An event the relay is publishing at that moment may still reach Kafka once; consumers drop it.
 * Idempotent: a second call finds nothing.
 */
public class ErasedClientOutbox {

    private final MongoTemplate mongo;
    private final OutboxCollections collections;
    private final SubjectDigest digest;
    private final EventJson json;

    public ErasedClientOutbox(MongoTemplate mongo, OutboxCollections collections, SubjectDigest digest, EventJson json) {
        this.mongo = mongo;
        this.collections = collections;
        this.digest = digest;
        this.json = json;
    }

    /** What {@link #forget} changed: pending events removed, and audit events re-pointed to the digest. */
    public record Forgotten(long removed, long pseudonymised) {
    }

    /** Removes or pseudonymises the client's pending events in every outbox collection of this service. */
    public Forgotten forget(String tenantId, String clientId) {
        String subjectDigest = digest.of(tenantId, clientId);
        long removed = 0;
        long pseudonymised = 0;
        for (String collection : collections.names()) {
            Document ofClient = new Document(OutboxFields.EVENTS + ".subject", clientId);
            for (Document document : mongo.getCollection(collection).find(ofClient)
                    .projection(new Document(OutboxFields.EVENTS, 1))) {
                for (Document event : document.getList(OutboxFields.EVENTS, Document.class, List.of())) {
                    if (!clientId.equals(event.getString("subject")) || !tenantId.equals(event.getString("tenant"))) {
                        continue;
                    }
                    Optional<EventType> type = EventType.ofType(event.getString("type"));
                    if (type.isPresent() && ErasedClients.isAboutErasure(type.get())) {
                        continue;
                    }
                    if (type.isPresent() && type.get().dataClass() == ClientRecordAccessed.class) {
                        pseudonymised += repoint(collection, document.get("_id"), event, subjectDigest);
                    } else {
                        removed += remove(collection, document.get("_id"), event.getString("id"));
                    }
                }
                clearFlagIfEmpty(collection, document.get("_id"));
            }
        }
        return new Forgotten(removed, pseudonymised);
    }

    private long repoint(String collection, Object documentId, Document event, String subjectDigest) {
        ClientRecordAccessed accessed = json.read(json.readTree(event.getString("data")), ClientRecordAccessed.class);
        ClientRecordAccessed pseudonymous = new ClientRecordAccessed(accessed.auditId(), subjectDigest,
                accessed.service(), accessed.actorId(), accessed.actorRole(), accessed.action(), accessed.status(),
                accessed.outcome(), accessed.remoteAddress(), accessed.at());
        String eventField = OutboxFields.EVENTS + ".$.";
        return mongo.getCollection(collection).updateOne(
                new Document("_id", documentId).append(OutboxFields.EVENTS + ".id", event.getString("id")),
                new Document("$set", new Document(eventField + "subject", subjectDigest)
                        .append(eventField + "data", json.writeAsString(pseudonymous)))).getModifiedCount();
    }

    private long remove(String collection, Object documentId, String eventId) {
        return mongo.getCollection(collection).updateOne(new Document("_id", documentId),
                new Document("$pull", new Document(OutboxFields.EVENTS, new Document("id", eventId))))
                .getModifiedCount();
    }

    /** As the relay does after publishing: a document with nothing left to send is no longer pending. */
    private void clearFlagIfEmpty(String collection, Object documentId) {
        mongo.getCollection(collection).updateOne(
                new Document("_id", documentId).append(OutboxFields.EVENTS, new Document("$size", 0)),
                new Document("$unset", new Document(OutboxFields.PENDING, "").append(OutboxFields.OLDEST_PENDING, "")));
    }
}
