package app.steady.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 4: HMAC verification switched on by itself whenever no JWK set URI was set. Now it needs the
 * explicit local-mode flag, and without either the service refuses to start.
 */
class VerificationModeTest {

    static final String SECRET = "a-local-secret-of-at-least-thirty-two-bytes";

    @Test
    void aSharedSecretAloneIsRefused() {
        assertThatThrownBy(() -> JwtDecoderFactory.create(settings(null, SECRET, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steady.security.jwt.jwk-set-uri")
                .hasMessageContaining("steady.security.jwt.local-mode");
    }

    @Test
    void nothingConfiguredIsRefused() {
        assertThatThrownBy(() -> JwtDecoderFactory.create(settings(null, null, false)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSharedSecretWorksOnlyInLocalMode() {
        assertThat(JwtDecoderFactory.create(settings(null, SECRET, true))).isNotNull();
    }

    @Test
    void aJwkSetUriIsEnough() {
        assertThat(JwtDecoderFactory.create(settings("https://idp.example/.well-known/jwks.json", null, false)))
                .isNotNull();
    }

    /** Issue 16, defect 4: a token may live at most max-lifetime, counted from iat or, without one, from now. */
    @Test
    void aTokenWithoutIatMayStillNotOutliveTheMaximum() throws Exception {
        var decoder = JwtDecoderFactory.create(settings(null, SECRET, true));
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("steady-local").audience("steady").subject("c-1")
                .claim("tenant", "t-1").claim("role", "CLIENT")
                .expirationTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofHours(30)))).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> decoder.decode(jwt.serialize()))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtValidationException.class)
                .hasMessageContaining("lives longer");
    }

    private static SecurityProperties.Jwt settings(String jwkSetUri, String secret, boolean localMode) {
        return new SecurityProperties.Jwt(jwkSetUri, secret, localMode, "steady-local", "steady", Duration.ofSeconds(30),
                Duration.ofHours(24));
    }
}
