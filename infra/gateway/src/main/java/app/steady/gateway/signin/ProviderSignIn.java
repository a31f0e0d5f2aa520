package app.steady.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's OpenID Connect sign-in for the web app, with Spring Security's OAuth2 client: the authorization code
 * flow with PKCE ({@code S256}, also for a confidential client), the code exchanged by the gateway, and the access
 * token kept in the server-side session as a {@link SignedIn}, so that the browser holds only the session cookie. The
 * app starts it at {@code /oauth2/authorization/<registration>} ({@code GET /app/providers} lists them); the provider
 * sends the browser back to {@code /login/oauth2/code/<registration>}.
 *
 * <p>The gateway authorizes nothing itself: every request is let through, and each service verifies the bearer token
 * it receives. CSRF tokens are off because no browser call is authorized by the cookie alone: it needs the app's
 * {@code X-Steady-App} header as well, which another site cannot send without a CORS preflight the gateway refuses.
 */
@Configuration
class ProviderSignIn {

    @Bean
    SecurityFilterChain frontDoorSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
                                          OAuth2AuthorizedClientRepository authorizedClients,
                                          ProviderSignInProperties claims) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable());
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository != null) {
            DefaultOAuth2AuthorizationRequestResolver withPkce =
                    new DefaultOAuth2AuthorizationRequestResolver(repository, "/oauth2/authorization");
            // Explicit, whatever the framework's default: ProviderSignInIT fails without it (its provider requires it).
            withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                    .authorizedClientRepository(authorizedClients)
                    .successHandler((request, response, authentication) ->
                            signedIn(request, response, authentication, authorizedClients, claims))
                    .failureHandler((request, response, failure) -> response.sendRedirect("/app/#sign-in-failed")));
        }
        return http.build();
    }

    /**
     * Keeps who signed in, and the access token the services verify, in the session; then on to the therapist's
     * dashboard or the client's app.
     */
    private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                                 OAuth2AuthorizedClientRepository authorizedClients, ProviderSignInProperties claims)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                token.getAuthorizedClientRegistrationId(), authentication, request);
        OidcUser user = (OidcUser) token.getPrincipal();
        Instant expiresAt = client.getAccessToken().getExpiresAt();
        HttpSession session = request.getSession(true);
        String role = user.getClaimAsString(claims.roleClaim());
        new SignedIn(user.getClaimAsString(claims.tenantClaim()), user.getSubject(), role,
                client.getAccessToken().getTokenValue(), expiresAt, token.getAuthorizedClientRegistrationId()).keepIn(session);
        response.sendRedirect("THERAPIST".equals(role) ? "/dashboard" : "/app/");
    }

    /**
     * The provider's tokens for a signed-in browser (access and refresh), in its server-side session: where the
     * sign-in keeps them and {@link SignIns} renews them.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** The provider sign-ins the app offers: one per client registration. */
    @RestController
    static class Providers {

        private final ObjectProvider<ClientRegistrationRepository> registrations;

        Providers(ObjectProvider<ClientRegistrationRepository> registrations) {
            this.registrations = registrations;
        }

        @GetMapping("/app/providers")
        List<Provider> providers() {
            List<Provider> providers = new ArrayList<>();
            if (registrations.getIfAvailable() instanceof Iterable<?> all) {
                for (Object registration : all) {
                    ClientRegistration r = (ClientRegistration) registration;
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName(),
                            "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
            return providers;
        }

        record Provider(String id, String name, String url) {
        }
    }
}
