package app.steady.platform.keys;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.privacy.SubjectDigest;
import app.steady.platform.store.EmbeddedStoreIndexes;
import app.steady.platform.store.KeyedReads;
import app.steady.platform.store.StoreKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The data keys this service seals its events with, one per client, wrapped by the current master key and kept in
 * the key store ({@code steady.keys.store-*}, apart from the data). Each key is published on the service's key
 * topic for the consumers ({@link DataKeyPublisher}); erasure tombstones it there and deletes it here, which makes
 * every sealed event of the client in Kafka's history unreadable.
 */
public class DataKeyStore implements ClientDataOwner {

    static final String COLLECTION = "event_data_keys";
    /**
     * The keys still to be published, one entry per key with the wrapped form to publish: the publisher polls this
     * small list, never the keys themselves (on the embedded store a query for the flag reads every key).
     */
    static final String TO_PUBLISH = "event_data_keys_to_publish";
    private static final int CACHE_LIMIT = 10_000;
    /** The wrapped form of a key being erased: it opens under no master key. */
    private static final String ERASED = "erased";

    private final MongoTemplate keyStore;
    private final MasterKeys masterKeys;
    private final SubjectDigest digest;
    private final Clock clock;
    private final Map<String, DataKey> cache = new ConcurrentHashMap<>();
    private final KeyedReads keyedReads;
    private volatile DataKeyPublisher publisher;

    public DataKeyStore(MongoTemplate keyStore, MasterKeys masterKeys, SubjectDigest digest, Clock clock) {
        this.keyStore = keyStore;
        this.masterKeys = masterKeys;
        this.digest = digest;
        this.clock = clock;
        StoreKind kind = StoreKind.of(keyStore);
        this.keyedReads = new KeyedReads(kind);
        EmbeddedStoreIndexes.declareIfEmbedded(keyStore, kind, List.of(
                EmbeddedStoreIndexes.Keys.of(COLLECTION, "_id", "wrapped"),
                EmbeddedStoreIndexes.Keys.of(TO_PUBLISH, "_id", "wrapped")));
    }

    /** Set once at start-up: erasure needs it to tombstone, creation to wake it. */
    void publishWith(DataKeyPublisher publisher) {
        this.publisher = publisher;
    }

    /** The client's key, created (and queued for publication) on first use. */
    public DataKey keyFor(String tenantId, String clientId) {
        String subject = digest.of(tenantId, clientId);
        DataKey cached = cache.get(subject);
        if (cached != null) {
            return cached;
        }
        DataKey key = existing(subject).orElseGet(() -> create(subject));
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(subject, key);
        return key;
    }

    private Optional<DataKey> existing(String subject) {
        StoredKey stored = keyStore.findById(subject, StoredKey.class, COLLECTION);
        return Optional.ofNullable(stored).map(this::unwrap);
    }

    private DataKey create(String subject) {
        String keyId = UUID.randomUUID().toString();
        SecretKey key = newKey();
        String wrapped = masterKeys.wrap(key.getEncoded(), keyId);
        try {
            keyStore.insert(new StoredKey(subject, keyId, wrapped, masterKeys.currentVersion(), Boolean.TRUE,
                    clock.instant()), COLLECTION);
        } catch (DuplicateKeyException createdConcurrently) {
            return existing(subject).orElseThrow();
        }
        queueForPublication(subject, wrapped);
        DataKeyPublisher current = publisher;
        if (current != null) {
            current.wake();
        }
        return new DataKey(keyId, key);
    }

    private DataKey unwrap(StoredKey stored) {
        return new DataKey(stored.keyId(), masterKeys.unwrap(stored.wrapped(), stored.keyId())
                .orElseThrow(() -> new IllegalStateException("The data key " + stored.keyId() + " is wrapped under "
                        + "master key version " + MasterKeys.versionOf(stored.wrapped()).orElse("(none)")
                        + ", which steady.keys.master-keys does not list")));
    }

    /**
     * Erasure, in an order that survives a crash at any step and a concurrent publication or re-wrap: the stored key
     * is first marked erased (so it is never published or re-wrapped again, and redelivery still finds its id), then
     * tombstoned on the key topic, then deleted. Reports the tombstone's position, as Kafka acknowledged it.
     */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        String subject = digest.of(tenantId, clientId);
        cache.remove(subject);
        StoredKey stored = keyStore.findAndModify(Query.query(where("_id").is(subject)),
                new Update().set("wrapped", ERASED).unset("unpublished"), StoredKey.class, COLLECTION);
        if (stored == null) {
            return List.of(ErasedPart.keys(COLLECTION, 0));
        }
        String tombstone = publisher.tombstone(stored.keyId());
        long deleted = keyStore.remove(Query.query(where("_id").is(subject)), COLLECTION).getDeletedCount();
        cache.remove(subject);
        return List.of(new ErasedPart(COLLECTION, 0, deleted, tombstone));
    }

    /** The subjects among these whose keys are no longer live (erased meanwhile): their keys need a tombstone again. */
    List<StoredKey> erasedAmong(List<StoredKey> published) {
        Map<String, StoredKey> bySubject = new java.util.HashMap<>();
        published.forEach(key -> bySubject.put(key.subject(), key));
        Set<String> live = new java.util.HashSet<>();
        keyedReads.whereIn(keyStore, "_id", bySubject.keySet(), StoredKey.class, COLLECTION).stream()
                .filter(key -> !ERASED.equals(key.wrapped())).forEach(key -> live.add(key.subject()));
        return published.stream().filter(key -> !live.contains(key.subject())).toList();
    }

    /** Keys are not the client's information: never exported. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    /**
     * Keys waiting to be published on the key topic (new, or re-wrapped under a new master key), read through the
     * list of keys to publish. Entries whose key was erased or published meanwhile are dropped.
     */
    List<StoredKey> unpublished(int limit) {
        List<String> subjects = new ArrayList<>();
        keyStore.getCollection(TO_PUBLISH).find().limit(limit).forEach(entry -> subjects.add(entry.getString("_id")));
        Map<String, StoredKey> keys = new java.util.HashMap<>();
        keyedReads.whereIn(keyStore, "_id", subjects, StoredKey.class, COLLECTION)
                .forEach(key -> keys.put(key.subject(), key));
        List<StoredKey> pending = new ArrayList<>();
        for (String subject : subjects) {
            StoredKey key = keys.get(subject);
            if (key != null && Boolean.TRUE.equals(key.unpublished())) {
                pending.add(key);
            } else {
                keyStore.getCollection(TO_PUBLISH).deleteOne(new org.bson.Document("_id", subject));
            }
        }
        return pending;
    }

    /**
     * Marks a key published and takes it off the list, unless it was re-wrapped meanwhile (then the new form is still
     * to be published, and its entry names that form).
     */
    void published(StoredKey key) {
        keyStore.updateFirst(Query.query(where("_id").is(key.subject()).and("wrapped").is(key.wrapped())),
                new Update().unset("unpublished"), COLLECTION);
        keyStore.getCollection(TO_PUBLISH).deleteOne(
                new org.bson.Document("_id", key.subject()).append("wrapped", key.wrapped()));
    }

    /**
     * Puts back on the list every key still flagged unpublished: one an instance stored but died before listing.
     * Reads every key on the embedded store, so the publisher runs it at start-up and then rarely.
     */
    int recoverUnlisted() {
        int recovered = 0;
        for (StoredKey key : keyStore.find(Query.query(where("unpublished").is(Boolean.TRUE)), StoredKey.class,
                COLLECTION)) {
            queueForPublication(key.subject(), key.wrapped());
            recovered++;
        }
        return recovered;
    }

    private void queueForPublication(String subject, String wrapped) {
        keyStore.getCollection(TO_PUBLISH).updateOne(new org.bson.Document("_id", subject),
                new org.bson.Document("$set", new org.bson.Document("wrapped", wrapped)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Up to {@code limit} keys still wrapped under an older master key version. */
    List<StoredKey> wrappedUnderOlderVersions(int limit) {
        return keyStore.find(Query.query(where("version").ne(masterKeys.currentVersion()).and("wrapped").ne(ERASED)).limit(limit)
                .with(Sort.by("_id")), StoredKey.class, COLLECTION);
    }

    /** Re-wraps one key under the current master key and queues it for publication; the key itself is unchanged. */
    boolean rewrap(StoredKey key) {
        DataKey open = unwrap(key);
        String rewrapped = masterKeys.wrap(open.key().getEncoded(), key.keyId());
        boolean changed = keyStore.updateFirst(Query.query(where("_id").is(key.subject()).and("wrapped").is(key.wrapped())),
                new Update().set("wrapped", rewrapped).set("version", masterKeys.currentVersion())
                        .set("unpublished", Boolean.TRUE), COLLECTION).getModifiedCount() == 1;
        if (changed) {
            queueForPublication(key.subject(), rewrapped);
        }
        return changed;
    }

    long countUnderOlderVersions() {
        return keyStore.count(Query.query(where("version").ne(masterKeys.currentVersion())), COLLECTION);
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /**
     * One stored key. {@code subject} is the client's keyed digest (no id in clear); {@code wrapped} names its master
     * key {@code version}; {@code unpublished} is set until the key topic has this form.
     */
    record StoredKey(@Id String subject, String keyId, String wrapped, String version, Boolean unpublished,
                     Instant createdAt) {
    }
}
