package app.steady.testidp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for the gateway's sign-in test: Spring Authorization Server, configured by Boot's
 * properties (the test sets the client, PKCE required, and the user). Its tokens carry Steady's tenant and role claims,
 * as a provider's tokens must for the services to accept them. Outside the gateway's packages, so that the gateway's
 * component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestIdentityProvider {

    public static final String TENANT = "tenant-oidc";

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> steadyClaims() {
        return context -> context.getClaims().claim("tenant", TENANT).claim("role", "CLIENT");
    }
}
