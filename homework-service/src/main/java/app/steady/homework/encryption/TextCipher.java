package app.steady.homework.encryption;

import app.steady.platform.crypto.AesGcm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;

/** Encrypts and decrypts a client's free text with their key, bound to the record it belongs to. */
public class TextCipher {

    private final ClientKeyStore keys;

    public TextCipher(ClientKeyStore keys) {
        this.keys = keys;
    }

    /** Base64 of nonce + ciphertext + tag. */
    public String encrypt(String tenantId, String clientId, String recordId, String text) {
        SecretKey key = keys.keyFor(tenantId, clientId);
        return Base64.getEncoder().encodeToString(AesGcm.encrypt(key, text.getBytes(StandardCharsets.UTF_8),
                recordId.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text, or empty when it can no longer be read (the client's key was destroyed). */
    public Optional<String> decrypt(String tenantId, String clientId, String recordId, String encrypted) {
        Optional<SecretKey> key = keys.existingKeyFor(tenantId, clientId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] text = AesGcm.decrypt(key.get(), Base64.getDecoder().decode(encrypted),
                    recordId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypted text of " + recordId + " does not decrypt with its client's key", e);
        }
    }
}
