package app.steady.platform.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientErased;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.outbox.PublishesEvents;
import app.steady.platform.store.KeyedReads;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service's tombstones of erased clients, keyed by the client's keyed {@link SubjectDigest}. A tombstone is written
 * in the same document write as the service's client-erased acknowledgement, and is what keeps an erased client
 * erased: consumers drop their later events and replays, and the client's own requests find nothing. Tombstones
 * written before digests were keyed ({@code sha256:…}) are still recognised: dropping them would let a replay bring
 * their clients back (docs/operations.md, "Subject digest key").
 */
public class ErasedClients {

    private static final Set<EventType> ERASURE_TYPES = Set.of(EventType.CLIENT_ERASURE_REQUESTED,
            EventType.GOALS_CLIENT_ERASED, EventType.HOMEWORK_CLIENT_ERASED, EventType.REMINDERS_CLIENT_ERASED,
            EventType.ANALYTICS_CLIENT_ERASED);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final SubjectDigest digest;
    private final KeyedReads keyedReads;

    public ErasedClients(MongoTemplate mongo, AggregateStore store, SubjectDigest digest, KeyedReads keyedReads) {
        this.mongo = mongo;
        this.store = store;
        this.digest = digest;
        this.keyedReads = keyedReads;
    }

    /** The stored aggregate, for the outbox relay. */
    public static Class<?> storedType() {
        return Tombstone.class;
    }

    /** Events about the erasure itself, which must still reach their handlers after the tombstone is written. */
    public static boolean isAboutErasure(EventType type) {
        return ERASURE_TYPES.contains(type);
    }

    public boolean isErased(String tenantId, String clientId) {
        return mongo.exists(Query.query(where("_id").in(digest.storedForms(tenantId, clientId))), Tombstone.class);
    }

    /**
     * Which of these digests are erased clients; one query. Pass every stored form of each client
     * ({@link SubjectDigest#storedForms}) to recognise tombstones written before digests were keyed.
     */
    public Set<String> erasedAmong(Collection<String> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        Set<String> erased = new HashSet<>();
        keyedReads.whereIn(mongo, "_id", digests, Tombstone.class, "erased_clients")
                .forEach(tombstone -> erased.add(tombstone.id));
        return erased;
    }

    /** Writes the tombstone and the acknowledgement together (once: a second call for the same client is a no-op). */
    void record(String tenantId, ClientErased acknowledgement) {
        Tombstone tombstone = new Tombstone(digest.of(tenantId, acknowledgement.clientId()),
                acknowledgement.erasureId(), acknowledgement.erasedAt());
        try {
            store.insert(tombstone, tenantId, List.of(acknowledgement));
        } catch (org.springframework.dao.DuplicateKeyException alreadyErased) {
            // A redelivered request raced a first one: the first wrote the tombstone and the acknowledgement.
        }
    }

    /** An erased client: no id, only its digest; the erasure it came from. */
    @Document("erased_clients")
    @PublishesEvents
    static class Tombstone {
        @Id
        String id;
        String erasureId;
        Instant erasedAt;
        @Version
        Long version;

        Tombstone() {
        }

        Tombstone(String id, String erasureId, Instant erasedAt) {
            this.id = id;
            this.erasureId = erasureId;
            this.erasedAt = erasedAt;
        }
    }
}
