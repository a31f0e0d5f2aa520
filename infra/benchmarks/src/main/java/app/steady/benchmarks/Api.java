package app.steady.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The public APIs as an app calls them: JSON over HTTP with a bearer token. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Api() {
    }

    static HttpRequest request(String method, String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /**
     * Gives a tenant an on-call contact, as its admin must before clients can be assigned (goals-service answers 409
     * ON_CALL_CONTACT_REQUIRED until then).
     */
    static void setOnCallContact(String goalsBaseUrl, String adminBearer) {
        int status = send(request("PUT", goalsBaseUrl + "/tenant/safety-settings", adminBearer,
                "{\"onCallContacts\":[{\"name\":\"Duty clinician\",\"email\":\"oncall@provider.example\"}]}"));
        if (status != 200) {
            throw new IllegalStateException("Setting the on-call contact answered " + status);
        }
    }

    static HttpResponse<String> get(String url, String bearer) {
        try {
            return HTTP.send(request("GET", url, bearer, null), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<Integer> sendAsync(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(error -> 599);
    }
}
