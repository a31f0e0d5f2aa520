package app.steady.gateway.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs a demo user's token with the local run's HS256 secret, in the shape the launcher's own tokens have
 * ({@code iss} steady-local, {@code aud} steady, {@code sub}, {@code tenant}, {@code role}, {@code iat}, {@code exp}).
 * Sixty lines of JDK code instead of a JOSE library: this is the only token the gateway ever makes, and only locally.
 */
final class DemoTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] secret;
    private final Clock clock;

    DemoTokens(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("steady.gateway.demo-sign-in.hmac-secret needs at least 32 bytes");
        }
        this.clock = clock;
    }

    /** A signed token and the moment it expires (its {@code exp}). */
    record Issued(String token, Instant expiresAt) {
    }

    Issued token(String tenant, String user, String role, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        long expires = now + lifetime.toSeconds();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", "steady-local").put("aud", "steady").put("sub", user)
                .put("tenant", tenant).put("role", role)
                .put("iat", now).put("exp", expires);
        String signingInput = encode("{\"alg\":\"HS256\"}") + "." + encode(JSON.writeValueAsString(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return new Issued(signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))),
                    Instant.ofEpochSecond(expires));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
