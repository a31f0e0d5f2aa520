package app.steady.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The browser session's sign-in as it stands now: the one place that decides whether a session is signed in. A sign-in
 * through the provider outlives its short-lived access tokens: shortly before one expires (within {@link #MARGIN}), the
 * provider's refresh token (kept in the session by Spring Security) gets a new one. A demo sign-in, or a provider
 * sign-in the provider no longer refreshes, ends when its token expires, and the app asks the user to sign in again.
 */
@Component
class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);
    /** Refreshed this long before expiry, so that no call leaves with a token about to expire on its way. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final Clock clock = Clock.systemUTC();
    private volatile DefaultOAuth2AuthorizedClientManager refresher;

    SignIns(ObjectProvider<ClientRegistrationRepository> registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
    }

    /** The session's sign-in with a token good for now, or null: not signed in, or signed out by expiry. */
    SignedIn current(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        SignedIn signedIn = SignedIn.in(session);
        if (signedIn == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!signedIn.expiresBy(now.plus(MARGIN))) {
            return signedIn;
        }
        SignedIn refreshed = signedIn.provider() == null ? null : refresh(signedIn, request, response);
        if (refreshed != null) {
            refreshed.keepIn(session);
            return refreshed;
        }
        return signedIn.expiresBy(now) ? null : signedIn;
    }

    private SignedIn refresh(SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        DefaultOAuth2AuthorizedClientManager manager = refresher();
        if (manager == null) {
            return null;
        }
        try {
            OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(signedIn.provider()).principal(signedIn.user())
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
            OAuth2AccessToken token = client == null ? null : client.getAccessToken();
            if (token == null || token.getTokenValue().equals(signedIn.token())) {
                return null;   // no refresh token, or nothing new: the sign-in ends with its token
            }
            return signedIn.withToken(token.getTokenValue(), token.getExpiresAt());
        } catch (OAuth2AuthorizationException refused) {
            // The provider ended the sign-in (refresh token expired or revoked): the user signs in again.
            log.info("The provider refused to refresh the access token of {}: {}", signedIn.user(), refused.getError());
            return null;
        }
    }

    private DefaultOAuth2AuthorizedClientManager refresher() {
        if (refresher == null) {
            ClientRegistrationRepository repository = registrations.getIfAvailable();
            if (repository == null) {
                return null;
            }
            DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(repository,
                    authorizedClients);
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                    .refreshToken(refresh -> refresh.clockSkew(MARGIN)).build());
            refresher = manager;
        }
        return refresher;
    }
}
