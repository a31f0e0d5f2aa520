package app.steady.homework.encryption;

import app.steady.platform.crypto.AesGcm;
import app.steady.platform.keys.MasterKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each client's journal key, wrapped by the current master key version and stored in the key store. Keys stored
 * before master keys were versioned (no version prefix) open with the legacy key and are re-wrapped in the
 * background, like the keys under an older version. {@link #destroy} is the crypto-shredding step of erasure.
 */
public class ClientKeyStore implements ClientDataOwner {

    static final String COLLECTION = "client_keys";

    private final MongoTemplate keyDatabase;
    private final MasterKeys masterKeys;
    private final SecretKey legacyMasterKey;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(ClientKeyStore.class);

    private final AtomicLong awaitingRewrap = new AtomicLong();

    public ClientKeyStore(MongoTemplate keyDatabase, MasterKeys masterKeys, String legacyMasterKey, MeterRegistry meters,
                          Clock clock) {
        this.keyDatabase = keyDatabase;
        this.masterKeys = masterKeys;
        if (legacyMasterKey == null || legacyMasterKey.isBlank()) {
            this.legacyMasterKey = null;
        } else {
            byte[] legacy = Base64.getDecoder().decode(legacyMasterKey);
            if (legacy.length != 32) {
                throw new IllegalStateException("steady.homework.encryption.legacy-master-key must be base64 of 32 bytes");
            }
            this.legacyMasterKey = new SecretKeySpec(legacy, "AES");
        }
        this.clock = clock;
        Gauge.builder("steady.homework.journal.keys.awaiting.rewrap", awaitingRewrap, AtomicLong::get)
                .description("Journal keys still wrapped under an older (or the legacy) master key").register(meters);
    }

    /** The client's key, created on first use. */
    public SecretKey keyFor(String tenantId, String clientId) {
        String id = idOf(tenantId, clientId);
        return existing(id).orElseGet(() -> create(id));
    }

    /** The client's key if it still exists (it does not after erasure). */
    public Optional<SecretKey> existingKeyFor(String tenantId, String clientId) {
        return existing(idOf(tenantId, clientId));
    }

    /** Destroys the client's key: everything encrypted with it, anywhere, becomes unreadable. */
    public void destroy(String tenantId, String clientId) {
        erase(tenantId, clientId);
    }

    /** Erasure destroys the key (crypto-shredding every copy and backup of the client's encrypted text). */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.keys(COLLECTION, keyDatabase.remove(
                Query.query(Criteria.where("_id").is(idOf(tenantId, clientId))), COLLECTION).getDeletedCount()));
    }

    /** Keys are not the client's information: they are never exported. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    private Optional<SecretKey> existing(String id) {
        WrappedKey wrapped = keyDatabase.findById(id, WrappedKey.class, COLLECTION);
        return Optional.ofNullable(wrapped).map(key -> unwrap(id, key));
    }

    private SecretKey create(String id) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            keyDatabase.insert(new WrappedKey(id, masterKeys.wrap(key.getEncoded(), id), clock.instant()), COLLECTION);
            return key;
        } catch (DuplicateKeyException createdConcurrently) {
            return existing(id).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKey unwrap(String id, WrappedKey wrapped) {
        if (MasterKeys.versionOf(wrapped.wrappedKey()).isPresent()) {
            return masterKeys.unwrap(wrapped.wrappedKey(), id).orElseThrow(() -> new IllegalStateException(
                    "The key of " + id + " is wrapped under a master key version steady.keys.master-keys does not list"));
        }
        if (legacyMasterKey == null) {
            throw new IllegalStateException("The key of " + id + " predates versioned master keys: set "
                    + "STEADY_HOMEWORK_MASTER_KEY (the legacy key) until it is re-wrapped");
        }
        try {
            byte[] key = AesGcm.decrypt(legacyMasterKey, Base64.getDecoder().decode(wrapped.wrappedKey()),
                    id.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of " + id + " cannot be unwrapped with the legacy master key", e);
        }
    }

    /**
     * Master-key rotation: re-wraps every journal key not under the current version (the keys themselves, and so
     * the encrypted text, do not change). Conditional on the form read, so instances may run it at once.
     */
    @Scheduled(initialDelayString = "${steady.keys.rotation-check-every}",
            fixedDelayString = "${steady.keys.rotation-check-every}")
    public long rewrapOlderKeys() {
        long rewrapped = 0;
        try {
            List<WrappedKey> older;
            while (!(older = keyDatabase.find(olderThanCurrent().limit(500), WrappedKey.class, COLLECTION)).isEmpty()) {
                long round = 0;
                for (WrappedKey key : older) {
                    SecretKey open = unwrap(key.id(), key);
                    round += keyDatabase.updateFirst(Query.query(Criteria.where("_id").is(key.id())
                                    .and("wrappedKey").is(key.wrappedKey())),
                            new Update().set("wrappedKey", masterKeys.wrap(open.getEncoded(), key.id())), COLLECTION)
                            .getModifiedCount();
                }
                rewrapped += round;
                if (round == 0) {
                    break; // another instance re-wrapped these meanwhile; the next run finishes
                }
            }
        } catch (RuntimeException e) {
            log.warn("Re-wrapping journal keys under the current master key failed ({}); next time", e.toString());
        } finally {
            awaitingRewrap.set(keyDatabase.count(olderThanCurrent(), COLLECTION));
        }
        return rewrapped;
    }

    private Query olderThanCurrent() {
        return Query.query(Criteria.where("wrappedKey").not().regex("^" + masterKeys.currentVersion() + ":"));
    }

    private static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    record WrappedKey(@Id String id, String wrappedKey, Instant createdAt) {
    }
}
