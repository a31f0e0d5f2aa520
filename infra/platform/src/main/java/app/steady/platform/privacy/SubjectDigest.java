package app.steady.platform.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names an erased client in tombstones, proofs and the pseudonymised audit trail without keeping the client's id:
 * the HMAC-SHA256 of the tenant and the client under a secret key ({@code steady.privacy.digest-key}), stored as
 * {@code hmac256:<hex>}. Whoever knows the id and holds the key (the services) can still find the records, to prove
 * erasure; ids are guessable, so without the key nobody can get one back by trying them all, as they could from the
 * unkeyed SHA-256 Steady stored before ({@code sha256:<hex>}, {@link #unkeyed}). Every service gets the same key, so
 * all compute the same digest for a client.
 */
public final class SubjectDigest {

    /** The stored form of a keyed digest. */
    public static final String KEYED_PREFIX = "hmac256:";
    /** The stored form of the unkeyed digests written before keys (kept only to recognise old tombstones). */
    public static final String UNKEYED_PREFIX = "sha256:";
    /** The fewest key bytes accepted: the output size of SHA-256. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String HOW_TO_SET = "steady.privacy.digest-key must be base64 of at least " + MIN_KEY_BYTES
            + " random bytes, the same for every service (set STEADY_PRIVACY_DIGEST_KEY, or a file of that name in "
            + "STEADY_SECRETS_DIR)";

    private final SecretKeySpec key;
    private final Mac prototype;

    private SubjectDigest(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = newMac(this.key);
    }

    /** The digest under this key; refuses, naming the property to set, a key that is missing, not base64 or short. */
    public static SubjectDigest withBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("No subject digest key: " + HOW_TO_SET);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The subject digest key is not base64: " + HOW_TO_SET);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The subject digest key has " + key.length + " bytes: " + HOW_TO_SET);
        }
        return new SubjectDigest(key);
    }

    /** The keyed digest of a tenant's client: what tombstones, proofs and pseudonymised records are written with. */
    public String of(String tenantId, String clientId) {
        // Length-prefixed, so that no other (tenant, client) pair gives the same input.
        byte[] input = (tenantId.length() + ":" + tenantId + ":" + clientId).getBytes(UTF_8);
        return KEYED_PREFIX + HexFormat.of().formatHex(mac().doFinal(input));
    }

    /** Every form a record about this client may be stored under: the keyed digest first, then the unkeyed one. */
    public List<String> storedForms(String tenantId, String clientId) {
        return List.of(of(tenantId, clientId), unkeyed(tenantId, clientId));
    }

    /**
     * The SHA-256 of {@code tenant:client} that Steady stored before digests were keyed. Reversible by trying guessable
     * ids: only ever used to find records written then, never to write.
     */
    public static String unkeyed(String tenantId, String clientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((tenantId + ":" + clientId).getBytes(UTF_8));
            return UNKEYED_PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();   // a Mac is not thread-safe; a clone of the initialised one is cheap
        } catch (CloneNotSupportedException notCloneable) {
            return newMac(key);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SubjectDigest[HmacSHA256, key hidden]";
    }
}
