package app.steady.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder that checks signature, expiry (required, with bounded clock skew), the token's lifetime (at most
 * {@code max-lifetime}), issuer, audience, and the presence of a subject and Steady's tenant and role claims.
 * Production verifies against the identity provider's JWK set; only an explicit local mode (local run and tests)
 * uses a shared HS256 secret.
 */
final class JwtDecoderFactory {

    /**
     * What a tenant id may be: no ':' (stores key a client as {@code tenant:client}, so a tenant "a:b" could reach
     * tenant "a"'s client "b:..."), no path or query characters, bounded.
     */
    static final String TENANT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private JwtDecoderFactory() {
    }

    static JwtDecoder create(SecurityProperties.Jwt settings) {
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (settings.localMode()) {
            if (settings.hmacSecret() == null || settings.hmacSecret().getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalStateException("steady.security.jwt.local-mode needs steady.security.jwt.hmac-secret "
                        + "of at least 32 bytes (STEADY_JWT_HMAC_SECRET)");
            }
            decoder = NimbusJwtDecoder.withSecretKey(
                            new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            // A shared secret alone no longer switches HMAC on: that is how a deployment ended up trusting one secret
            // known to every service.
            throw new IllegalStateException("Set steady.security.jwt.jwk-set-uri to the identity provider's JWK set "
                    + "(STEADY_JWT_JWK_SET_URI). Only a local run or a test may verify with a shared secret, and it must "
                    + "say so: steady.security.jwt.local-mode=true (STEADY_JWT_LOCAL_MODE) with "
                    + "steady.security.jwt.hmac-secret");
        }
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Jwt settings) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(settings.clockSkew()),
                lifetimeAtMost(settings.maxLifetime(), settings.clockSkew()),
                required(JwtClaimNames.SUB),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience())),
                required(Claims.TENANT),
                jwt -> jwt.getClaims().get(Claims.TENANT) instanceof String tenant && tenant.matches(TENANT_ID)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "tenant must match " + TENANT_ID, null)),
                new JwtClaimValidator<String>(Claims.ROLE, JwtDecoderFactory::isRole)));
    }

    /**
     * {@code exp} no later than {@code maxLifetime} after {@code iat}, and never more than that from now. (Spring fills
     * a missing {@code iat} with {@code exp} minus one second, so a token without one is measured from now; so is one
     * whose {@code iat} lies in the future.)
     */
    private static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration maxLifetime, Duration clockSkew) {
        return jwt -> {
            Instant now = Instant.now();
            Instant from = jwt.getIssuedAt() == null || jwt.getIssuedAt().isAfter(now) ? now : jwt.getIssuedAt();
            return jwt.getExpiresAt() != null
                    && !jwt.getExpiresAt().isAfter(from.plus(maxLifetime).plus(clockSkew))
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "token lives longer than " + maxLifetime, null));
        };
    }

    private static OAuth2TokenValidator<Jwt> required(String claim) {
        return jwt -> {
            String value = jwt.getClaimAsString(claim);
            return value != null && !value.isBlank()
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "missing claim " + claim, null));
        };
    }

    private static boolean isRole(String value) {
        if (value == null) {
            return false;
        }
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
