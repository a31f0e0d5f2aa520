package app.steady.goals.privacy;

import app.steady.platform.crypto.AesGcm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's AES-256-GCM ({@link AesGcm}) under one key, messages in base64. Every message is
 * bound by its associated data to what it belongs to (an export and the role of the content), so a wrapped key or a
 * bundle copied into another export's record cannot be read there.
 */
final class KeyEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private KeyEncryption(SecretKey key) {
        this.key = key;
    }

    /** Under a key given as base64 of 32 bytes (the key-encryption key from configuration). */
    static KeyEncryption of(String base64Key, String property) {
        byte[] bytes;
        try {
            bytes = base64Key == null ? new byte[0] : Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be base64 of 32 bytes");
        }
        return new KeyEncryption(new SecretKeySpec(bytes, "AES"));
    }

    /** Under a raw 256-bit data key. */
    static KeyEncryption of(byte[] rawKey) {
        return new KeyEncryption(new SecretKeySpec(rawKey, "AES"));
    }

    static byte[] newDataKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    String encrypt(byte[] plaintext, String associatedData) {
        return Base64.getEncoder().encodeToString(
                AesGcm.encrypt(key, plaintext, associatedData.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plaintext, or empty if the message was not made under this key for this associated data. */
    Optional<byte[]> decrypt(String message, String associatedData) {
        try {
            return Optional.of(AesGcm.decrypt(key, Base64.getDecoder().decode(message),
                    associatedData.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
