package app.steady.homework.encryption;

import app.steady.platform.crypto.AesGcm;
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
 * Each client's data key, wrapped by the master key and stored in the key database. {@link #destroy} is the
 * crypto-shredding step of erasure.
 */
public class ClientKeyStore implements ClientDataOwner {

    static final String COLLECTION = "client_keys";

    private final MongoTemplate keyDatabase;
    private final SecretKey masterKey;
    private final Clock clock;

    public ClientKeyStore(MongoTemplate keyDatabase, EncryptionProperties properties, Clock clock) {
        this.keyDatabase = keyDatabase;
        byte[] master = properties.masterKey() == null ? new byte[0] : Base64.getDecoder().decode(properties.masterKey());
        if (master.length != 32) {
            throw new IllegalStateException("steady.homework.encryption.master-key must be base64 of 32 bytes "
                    + "(set STEADY_HOMEWORK_MASTER_KEY)");
        }
        this.masterKey = new SecretKeySpec(master, "AES");
        this.clock = clock;
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
            byte[] wrapped = AesGcm.encrypt(masterKey, key.getEncoded(), id.getBytes(StandardCharsets.UTF_8));
            keyDatabase.insert(new WrappedKey(id, Base64.getEncoder().encodeToString(wrapped), clock.instant()), COLLECTION);
            return key;
        } catch (DuplicateKeyException createdConcurrently) {
            return existing(id).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKey unwrap(String id, WrappedKey wrapped) {
        try {
            byte[] key = AesGcm.decrypt(masterKey, Base64.getDecoder().decode(wrapped.wrappedKey()),
                    id.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of " + id + " cannot be unwrapped with this master key", e);
        }
    }

    private static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    record WrappedKey(@Id String id, String wrappedKey, Instant createdAt) {
    }
}
