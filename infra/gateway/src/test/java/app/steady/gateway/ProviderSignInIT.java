package app.steady.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.testidp.TestIdentityProvider;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The provider's OpenID Connect sign-in, end to end over real sockets: a real authorization server (Spring
 * Authorization Server, {@link TestIdentityProvider}) that requires PKCE, the gateway as its client, and a browser's
 * part played by an HTTP client with cookies that follows each redirect and fills in the provider's login form. After
 * it, the browser holds only the gateway's session cookie, and the app's calls reach the service with the provider's
 * access token for the user who signed in.
 */
class ProviderSignInIT {

    static final String USER = "client-7";
    static final String PASSWORD = "a-password-for-the-test";
    static final java.time.Duration ACCESS_TOKEN_LIFETIME = java.time.Duration.ofSeconds(3);

    static final Map<String, HttpServer> BACKENDS = new LinkedHashMap<>();
    static ConfigurableApplicationContext provider;
    static ConfigurableApplicationContext gateway;
    static int providerPort;
    static int gatewayPort;

    final CookieManager cookies = new CookieManager();
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheProviderAndTheGateway() {
        providerPort = freePort();
        gatewayPort = freePort();
        String issuer = "http://localhost:" + providerPort;   // another host name than the gateway's: separate cookies
        // As arguments: they outrank the application.yml on the classpath (the gateway's own, with its fixed ports).
        provider = new SpringApplicationBuilder(TestIdentityProvider.class).run(
                "--spring.config.name=test-identity-provider",
                "--server.port=" + providerPort,
                "--spring.security.user.name=" + USER,
                "--spring.security.user.password=" + PASSWORD,
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.client-id=steady-gateway",
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.client-secret={noop}gateway-secret",
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.client-authentication-methods=client_secret_basic",
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.authorization-grant-types=authorization_code,refresh_token",
                // Short-lived access tokens, as providers issue them: a sign-in outlives many of them.
                "--spring.security.oauth2.authorizationserver.client.gateway.token.access-token-time-to-live=" + ACCESS_TOKEN_LIFETIME,
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.redirect-uris=http://127.0.0.1:"
                        + gatewayPort + "/login/oauth2/code/provider",
                "--spring.security.oauth2.authorizationserver.client.gateway.registration.scopes=openid,profile",
                "--spring.security.oauth2.authorizationserver.client.gateway.require-proof-key=true",
                "--spring.security.oauth2.authorizationserver.client.gateway.require-authorization-consent=false");
        for (String service : ServicePaths.SERVICES) {
            BACKENDS.put(service, FrontDoorIT.backend(service));
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", gatewayPort);
        properties.put("management.server.port", 0);
        BACKENDS.forEach((service, server) -> properties.put("steady.gateway.services." + service,
                "http://127.0.0.1:" + server.getAddress().getPort()));
        properties.put("spring.security.oauth2.client.registration.provider.client-id", "steady-gateway");
        properties.put("spring.security.oauth2.client.registration.provider.client-secret", "gateway-secret");
        properties.put("spring.security.oauth2.client.registration.provider.client-name", "Your provider");
        properties.put("spring.security.oauth2.client.registration.provider.scope", "openid,profile");
        properties.put("spring.security.oauth2.client.provider.provider.issuer-uri", issuer);
        gateway = new SpringApplicationBuilder(SteadyGateway.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopAll() {
        if (gateway != null) {
            gateway.close();
        }
        if (provider != null) {
            provider.close();
        }
        BACKENDS.values().forEach(server -> server.stop(0));
    }

    @Test
    void theAppsSignInUsesTheProvidersCodeFlowWithPkceAndKeepsTheTokenOnTheServer() throws Exception {
        assertThat(get(gateway("/app/providers")).body()).as("the sign-in screen offers the provider")
                .contains("\"name\":\"Your provider\"").contains("\"url\":\"/oauth2/authorization/provider\"");

        HttpResponse<String> signedIn = signInThroughTheProvider();
        assertThat(location(signedIn)).endsWith("/app/");
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("the session cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("STEADY_SESSION=").contains("HttpOnly"));

        HttpResponse<String> me = get(gateway("/app/session"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"user\":\"" + USER + "\"").contains("\"tenant\":\"" + TestIdentityProvider.TENANT + "\"")
                .contains("\"role\":\"CLIENT\"").as("never the token").doesNotContain("eyJ");

        // The app's calls reach the service with the provider's access token for that user.
        HttpResponse<String> call = browser.send(HttpRequest.newBuilder(URI.create(gateway("/clients/" + USER + "/goals")))
                .header("X-Steady-App", "1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.body()).startsWith("goals-service /clients/" + USER + "/goals").contains(" auth=" + USER);

        browser.send(HttpRequest.newBuilder(URI.create(gateway("/app/session"))).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(get(gateway("/app/session")).statusCode()).as("signed out").isEqualTo(401);
    }

    /**
     * Providers issue short-lived access tokens: a sign-in must outlive them. The gateway refreshes the token with the
     * provider's refresh token (kept in the session too) before it expires, so the app's calls go on as the same user
     * with new tokens, and the session still answers.
     */
    @Test
    void aSignInOutlivesItsAccessTokensByRefreshingThemWithTheProvider() throws Exception {
        assertThat(location(signInThroughTheProvider())).endsWith("/app/");
        String first = appCall();
        assertThat(first).contains(" auth=" + USER);

        Instant expired = Instant.now().plus(ACCESS_TOKEN_LIFETIME);
        org.awaitility.Awaitility.await("calls after the first access token expired").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(500)).untilAsserted(() -> {
                    String call = appCall();
                    assertThat(call).as("the app's call, as the same user").contains(" auth=" + USER);
                    assertThat(Instant.now()).as("made after the first token expired").isAfter(expired.plusSeconds(1));
                    assertThat(tokenOf(call)).as("a new access token").isNotEqualTo(tokenOf(first));
                });
        assertThat(get(gateway("/app/session")).statusCode()).as("still signed in").isEqualTo(200);
    }

    private String appCall() throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(gateway("/clients/" + USER + "/goals")))
                .header("X-Steady-App", "1").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String tokenOf(String call) {
        return call.substring(call.indexOf(" token=") + 7);
    }

    /** The browser's part of the code flow, from the app's link to the provider's answer; the gateway's last answer. */
    private HttpResponse<String> signInThroughTheProvider() throws IOException, InterruptedException {
        // The app's "Sign in with your provider" link: to the provider, with a PKCE challenge.
        HttpResponse<String> start = get(gateway("/oauth2/authorization/provider"));
        String authorize = location(start);
        assertThat(authorize).startsWith("http://localhost:" + providerPort + "/oauth2/authorize?")
                .contains("response_type=code").contains("code_challenge=").contains("code_challenge_method=S256");

        // The provider asks the user to sign in; then sends the browser back with a code.
        String loginPage = location(get(authorize));
        String form = get(loginPage).body();
        HttpResponse<String> loggedIn = post(loginPage, Map.of("username", USER, "password", PASSWORD,
                "_csrf", hidden(form, "_csrf")));
        String callback = location(get(location(loggedIn)));
        assertThat(callback).as("back to the gateway with a code, not an error")
                .startsWith("http://127.0.0.1:" + gatewayPort + "/login/oauth2/code/provider?code=");

        // The gateway exchanges the code (with the PKCE verifier) and opens the app.
        return get(callback);
    }

    private static String gateway(String path) {
        return "http://127.0.0.1:" + gatewayPort + path;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        // As a browser navigates: asking for HTML (the provider sends such a request to its login page).
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " answered " + response.body()).isBetween(300, 399);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? response.uri().resolve(location).toString() : location;
    }

    private static String hidden(String html, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(value.find()).as("the form's " + name + " in " + html).isTrue();
        return value.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
