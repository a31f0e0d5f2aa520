package app.steady.goals.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under one key, a fresh 96-bit nonce per message stored in front of the ciphertext. Every message is
 * bound by its associated data to what it belongs to (an export and the role of the content), so a wrapped key or a
 * bundle copied into another export's record cannot be read there.
 */
final class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
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
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] message = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, message, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plaintext, or empty if the message was not made under this key for this associated data. */
    Optional<byte[]> decrypt(String message, String associatedData) {
        try {
            byte[] bytes = Base64.getDecoder().decode(message);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
