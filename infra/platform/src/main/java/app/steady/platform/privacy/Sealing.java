package app.steady.platform.privacy;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hybrid encryption of export parts: the content under a fresh AES-256-GCM key, that key under the export's
 * RSA-OAEP (SHA-256) public key. Only the holder of the private key (goals-service, until the bundle is
 * assembled) can open a part; every copy in Kafka is unreadable once that key is gone.
 */
public final class Sealing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private Sealing() {
    }

    /** A sealed part: base64 of the wrapped key, the GCM nonce and the ciphertext (with its tag). */
    public record Sealed(String sealedKey, String nonce, String ciphertext) {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    public static String encode(PublicKey key) {
        return B64.encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return B64.encodeToString(key.getEncoded());
    }

    public static Sealed seal(String publicKeyBase64, byte[] content) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(UNB64.decode(publicKeyBase64)));
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey contentKey = generator.generateKey();
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce));
            byte[] ciphertext = aes.doFinal(content);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.WRAP_MODE, publicKey, OAEP);
            return new Sealed(B64.encodeToString(rsa.wrap(contentKey)), B64.encodeToString(nonce), B64.encodeToString(ciphertext));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot seal for this export key: " + e.getMessage(), e);
        }
    }

    public static byte[] open(String privateKeyBase64, Sealed sealed) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(UNB64.decode(privateKeyBase64)));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.UNWRAP_MODE, privateKey, OAEP);
            SecretKey contentKey = (SecretKey) rsa.unwrap(UNB64.decode(sealed.sealedKey()), "AES", Cipher.SECRET_KEY);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey.getEncoded(), "AES"),
                    new GCMParameterSpec(128, UNB64.decode(sealed.nonce())));
            return aes.doFinal(UNB64.decode(sealed.ciphertext()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot open this sealed part: " + e.getMessage(), e);
        }
    }
}
