package app.steady.platform.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of {@code tenant:client}: names an erased client in tombstones, proofs and the pseudonymised audit
 * trail without keeping the client's id. Whoever knows the id can still find the records (to prove erasure);
 * nobody can get the id back from them.
 */
public final class SubjectDigest {

    private SubjectDigest() {
    }

    public static String of(String tenantId, String clientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((tenantId + ":" + clientId).getBytes(UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
