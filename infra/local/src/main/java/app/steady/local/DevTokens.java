package app.steady.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs development tokens with the local run's HS256 key, in the shape production identity providers are
 * configured to issue: {@code iss}, {@code aud}, {@code sub}, {@code tenant}, {@code role}, {@code exp}.
 * Never used in production, where services verify tokens against a JWK set.
 */
public final class DevTokens {

    public static final String ISSUER = "steady-local";
    public static final String AUDIENCE = "steady";

    private final String secret;

    public DevTokens(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("The signing secret needs at least 32 bytes");
        }
        this.secret = secret;
    }

    public String token(String tenant, String subject, String role, Duration validFor) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("tenant", tenant).claim("role", role)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(validFor)))
                .build());
    }

    /** Signs any claims: tests use this for expired, foreign-issuer or claim-less tokens. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
