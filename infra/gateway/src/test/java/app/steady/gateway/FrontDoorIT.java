package app.steady.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of four real HTTP servers standing in for the services (each answers with its own name, the
 * path and the request id it received, and serves an OpenAPI document of its own): routing, request ids, CORS, the
 * edge limit and the merged document, over real sockets. The services themselves behind the gateway are tested
 * end to end in {@code FrontDoorE2E}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "steady.gateway.allowed-origins=https://app.provider.example",
        "steady.gateway.rate-limit.requests-per-second=1",
        "steady.gateway.rate-limit.burst=1000",
        "management.server.port=0",
        "steady.gateway.demo-sign-in.hmac-secret=a-test-secret-of-at-least-thirty-two-bytes"})
class FrontDoorIT {

    static final Map<String, HttpServer> BACKENDS = new LinkedHashMap<>();

    static {
        for (String service : ServicePaths.SERVICES) {
            BACKENDS.put(service, backend(service));
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        BACKENDS.forEach((service, server) -> registry.add("steady.gateway.services." + service,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(server -> server.stop(0));
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachPathReachesTheServiceThatOwnsIt() throws Exception {
        assertThat(get("/clients/c1/goals?status=ACTIVE").body()).startsWith("goals-service /clients/c1/goals?status=ACTIVE id=");
        assertThat(get("/clients/c1/goal-progress").body()).startsWith("goals-service ");
        assertThat(get("/clients/c1/mood").body()).startsWith("homework-service ");
        assertThat(get("/clients/c1/reminder-settings").body()).startsWith("reminders-service ");
        assertThat(get("/clients/c1/progress").body()).startsWith("analytics-service ");
        assertThat(get("/dashboard").body()).startsWith("analytics-service ");
        HttpResponse<String> unknown = get("/clients/c1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * A body reaches the service with its length declared: the services refuse bodies of undeclared length (413), so a
     * proxy that re-sent it chunked would break every write through the front door.
     */
    @Test
    void aRequestBodyReachesTheServiceWithItsLength() throws Exception {
        String json = "{\"timeZone\":\"UTC\"}";
        HttpResponse<String> put = send(request("/clients/c1/reminder-settings").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(put.body()).startsWith("reminders-service /clients/c1/reminder-settings")
                .contains(" length=" + json.length() + " body=" + json);
    }

    @Test
    void aRequestIdIsPassedThroughOrMadeAndAlwaysAnswered() throws Exception {
        HttpResponse<String> given = send(request("/clients/c1/agenda").header("X-Request-Id", "app-42").GET());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("app-42");
        assertThat(given.body()).contains(" id=app-42 ");

        HttpResponse<String> made = get("/clients/c1/agenda");
        String id = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(made.body()).contains(" id=" + id + " ");

        HttpResponse<String> forged = send(request("/clients/c1/agenda").header("X-Request-Id", "a b\" forged=1").GET());
        assertThat(forged.headers().firstValue("X-Request-Id").orElseThrow()).as("a malformed id is replaced")
                .matches("[0-9a-f-]{36}");
    }

    /**
     * The client web app's sign-in: the browser gets a session cookie and never the token; its calls marked as the
     * app's own reach the service with the user's bearer token, and nothing else does.
     */
    @Test
    void aSignedInBrowsersAppCallsReachTheServiceAsItsUserAndTheBrowserNeverSeesTheToken() throws Exception {
        HttpResponse<String> signIn = send(request("/app/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"client-1\"}")));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"user\":\"client-1\"", "\"role\":\"CLIENT\"").doesNotContain("eyJ");
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("STEADY_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(send(request("/clients/client-1/mood").header("Cookie", cookie).header("X-Steady-App", "1").GET())
                .body()).as("the app's call, as client-1").contains(" auth=client-1");
        assertThat(send(request("/clients/client-1/mood").header("Cookie", cookie).GET()).body())
                .as("without the app's header the cookie alone carries nothing").contains(" auth=none");
        assertThat(send(request("/clients/client-1/mood").header("X-Steady-App", "1").GET()).body())
                .as("no session, no token").contains(" auth=none");
        assertThat(send(request("/app/session").header("Cookie", cookie).GET()).body()).contains("client-1")
                .doesNotContain("eyJ");

        send(request("/app/session").header("Cookie", cookie).DELETE());
        assertThat(send(request("/clients/client-1/mood").header("Cookie", cookie).header("X-Steady-App", "1").GET())
                .body()).as("signed out").contains(" auth=none");
        HttpResponse<String> unknown = send(request("/app/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"someone-else\"}")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"user\"");
    }

    @Test
    void theClientAppIsServedWithHeadersThatKeepItToItsOrigin() throws Exception {
        HttpResponse<String> page = get("/app/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<main id=\"main\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(ClientAppPages.CONTENT_SECURITY_POLICY);
        assertThat(get("/app/app.js").statusCode()).isEqualTo(200);
    }

    /**
     * The app's files may be kept by the browser and checked for a newer version on each use (they carry no personal
     * data, and a release must reach every browser at once); what the session answers is never stored.
     */
    @Test
    void theAppsFilesAreRevalidatedNotRefetchedAndTheSessionIsNeverStored() throws Exception {
        HttpResponse<String> script = get("/app/app.js");
        assertThat(script.headers().firstValue("Cache-Control")).as("the app's script").hasValue("no-cache");
        String lastModified = script.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = send(request("/app/app.js").header("If-Modified-Since", lastModified).GET());
        assertThat(again.statusCode()).as("asked again with what the browser kept").isEqualTo(304);
        assertThat(get("/app/session").headers().firstValue("Cache-Control").orElse(""))
                .as("who is signed in").contains("no-store");
    }

    @Test
    void browsersMayCallFromTheConfiguredAppOriginsOnly() throws Exception {
        HttpResponse<String> allowed = send(request("/clients/c1/mood").header("Origin", "https://app.provider.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.provider.example");
        assertThat(allowed.body()).as("a preflight is answered at the edge").isEmpty();

        HttpResponse<String> refused = send(request("/clients/c1/mood").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theMergedDocumentHasEveryServicesPathsAndNoCollision() throws Exception {
        HttpResponse<String> merged = get("/v3/api-docs");
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.body()).contains("\"/clients/{clientId}/goals\"", "\"/clients/{clientId}/mood\"",
                "\"/clients/{clientId}/reminder-settings\"", "\"/clients/{clientId}/progress\"")
                .contains("\"x-steady-collisions\":[]", "\"x-steady-unrouted\":[]", "\"x-steady-unavailable\":[]");
        assertThat(get("/swagger-ui.html").statusCode()).as("the UI, pointed at the merged document").isIn(200, 302);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A stand-in service: answers "<name> <path?query>[ length=<Content-Length> body=<body>] id=<X-Request-Id>", and its
     * OpenAPI document.
     */
    static HttpServer backend(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                URI uri = exchange.getRequestURI();
                String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String body = uri.getPath().equals("/v3/api-docs") ? openApiOf(service)
                        : service + " " + uri.getRawPath() + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("")
                        + (received.isEmpty() ? "" : " length=" + exchange.getRequestHeaders().getFirst("Content-Length")
                                + " body=" + received)
                        + " id=" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                        + " auth=" + subjectOf(exchange.getRequestHeaders().getFirst("Authorization"))
                        + " token=" + fingerprintOf(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "none", or the end of the bearer token's signature: tells one token from the next of the same user. */
    private static String fingerprintOf(String authorization) {
        return authorization == null ? "none" : authorization.substring(Math.max(0, authorization.length() - 12));
    }

    /** "none", or the {@code sub} of the bearer token the stand-in received. */
    private static String subjectOf(String authorization) {
        if (authorization == null) {
            return "none";
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    private static String openApiOf(String service) {
        String path = switch (service) {
            case "goals-service" -> "/clients/{clientId}/goals";
            case "homework-service" -> "/clients/{clientId}/mood";
            case "reminders-service" -> "/clients/{clientId}/reminder-settings";
            default -> "/clients/{clientId}/progress";
        };
        return """
                {"openapi":"3.1.0","info":{"title":"%s","version":"v1"},"paths":{"%s":{"get":{}}}}""".formatted(service, path);
    }
}
