package app.steady.gateway.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the provider's OpenID Connect sign-in names who signed in ({@code steady.gateway.provider-sign-in.*}). The
 * provider itself is a standard Spring Security client registration, {@code
 * spring.security.oauth2.client.registration.<id>.*} with {@code provider.<id>.issuer-uri}; each registration is
 * offered on the app's sign-in screen. The claims are read from the ID token for the app's "who am I" only: the
 * services verify the access token's own claims.
 *
 * @param tenantClaim the claim with the client's tenant (the services' {@code tenant})
 * @param roleClaim   the claim with the user's Steady role (the services' {@code role})
 */
@ConfigurationProperties("steady.gateway.provider-sign-in")
public record ProviderSignInProperties(@DefaultValue("tenant") String tenantClaim, @DefaultValue("role") String roleClaim) {
}
