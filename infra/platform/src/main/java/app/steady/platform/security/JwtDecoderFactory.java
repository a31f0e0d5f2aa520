package app.steady.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder that checks signature, expiry (with bounded clock skew), issuer, audience, and the presence of
 * Steady's tenant and role claims. Production verifies against the identity provider's JWK set; the local run and
 * tests use a shared HS256 secret.
 */
final class JwtDecoderFactory {

    private JwtDecoderFactory() {
    }

    static JwtDecoder create(SecurityProperties.Jwt settings) {
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (settings.hmacSecret() != null && settings.hmacSecret().getBytes(StandardCharsets.UTF_8).length >= 32) {
            decoder = NimbusJwtDecoder.withSecretKey(
                            new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new IllegalStateException("Set steady.security.jwt.jwk-set-uri (production) or "
                    + "steady.security.jwt.hmac-secret of at least 32 bytes (local run and tests)");
        }
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Jwt settings) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(settings.clockSkew()),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience())),
                required(Claims.TENANT),
                new JwtClaimValidator<String>(Claims.ROLE, JwtDecoderFactory::isRole)));
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
