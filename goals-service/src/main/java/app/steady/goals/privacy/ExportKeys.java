package app.steady.goals.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.Sealing;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each export's keys, wrapped by the key-encryption key ({@code steady.goals.exports.key-encryption-key}) and bound
 * to the export: its private key until the bundle is assembled (the parts in Kafka are sealed to it), and the data
 * key of its bundle until the download window closes. Destroying the data key is what ends the window: every copy
 * of the bundle's ciphertext, a backup's included, is unreadable from then on. Erasure destroys a client's export
 * keys with their other documents ({@code steady.privacy.erase-only-collections}: the documents carry
 * {@code tenantId} and {@code clientId}).
 */
@Component
class ExportKeys {

    private final MongoTemplate mongo;
    private final KeyEncryption keyEncryption;

    ExportKeys(MongoTemplate mongo, ExportsProperties properties) {
        this.mongo = mongo;
        this.keyEncryption = KeyEncryption.of(properties.keyEncryptionKey(),
                "steady.goals.exports.key-encryption-key (STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY)");
    }

    /** Makes and stores the export's key pair and data key; returns the public key the services seal their parts to. */
    String create(String exportId, String tenantId, String clientId, Instant expiresAt) {
        KeyPair pair = Sealing.newKeyPair();
        mongo.insert(new StoredKeys(exportId, tenantId, clientId,
                keyEncryption.encrypt(pair.getPrivate().getEncoded(), privateKeyContext(exportId)),
                keyEncryption.encrypt(KeyEncryption.newDataKey(), dataKeyContext(exportId)), expiresAt));
        return Sealing.encode(pair.getPublic());
    }

    /** The export's private key (base64 of PKCS#8) while it is being assembled; empty once forgotten or destroyed. */
    Optional<String> privateKey(String exportId) {
        return stored(exportId).map(StoredKeys::wrappedPrivateKey)
                .flatMap(wrapped -> keyEncryption.decrypt(wrapped, privateKeyContext(exportId)))
                .map(Base64.getEncoder()::encodeToString);
    }

    /** The bundle's data key until the download window closes; empty after. */
    Optional<KeyEncryption> dataKey(String exportId, Instant now) {
        return stored(exportId).filter(keys -> now.isBefore(keys.expiresAt()))
                .flatMap(keys -> keyEncryption.decrypt(keys.wrappedDataKey(), dataKeyContext(exportId)))
                .map(KeyEncryption::of);
    }

    /** Once the bundle is assembled the parts need not be opened again: their copies in Kafka become unreadable. */
    void forgetPrivateKey(String exportId) {
        mongo.updateFirst(Query.query(where("_id").is(exportId)), new Update().unset("wrappedPrivateKey"), StoredKeys.class);
    }

    /** Destroys the keys of every export whose window has closed; returns how many. */
    long destroyExpired(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), StoredKeys.class).getDeletedCount();
    }

    private Optional<StoredKeys> stored(String exportId) {
        return Optional.ofNullable(mongo.findById(exportId, StoredKeys.class));
    }

    private static String privateKeyContext(String exportId) {
        return "steady.goals.export-private-key:" + exportId;
    }

    private static String dataKeyContext(String exportId) {
        return "steady.goals.export-data-key:" + exportId;
    }

    /** The TTL index is a second line only: the embedded store never expires documents, the sweep does. */
    @Document("export_keys")
    @CompoundIndex(def = "{'tenantId': 1, 'clientId': 1}")
    record StoredKeys(@Id String id, String tenantId, String clientId, String wrappedPrivateKey, String wrappedDataKey,
                      @Indexed(expireAfter = "0s") Instant expiresAt) {
    }
}
